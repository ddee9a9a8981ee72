import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/auth/password.js';
import { localDate } from '../../platform/i18n/time.js';
import { addDays } from './days.js';
import { myDaycare, nextWeekday } from './test-support.js';

/**
 * Income statements and the fee preview through the API: the preview follows the statement on
 * record and the parameter set in force, and a family's income data is its own (and audited).
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let admin: Client;
let finance: Client;
const today = localDate(new Date());

const PDF = Buffer.from('%PDF-1.4\n% palkkalaskelma\n%%EOF\n', 'latin1');
const pdf = {
  name: 'palkka.pdf',
  contentType: 'application/pdf',
  dataBase64: PDF.toString('base64'),
};

/** The 2026 figures with limits, as the administrator enters them (valid from today). */
const ownSet = {
  maxFeeCents: 33500,
  minFeeCents: 3200,
  incomeBp: 1070,
  secondChildBp: 4000,
  furtherChildBp: 2000,
  secondChildMaxCents: 13400,
  incomeLimitsCents: [420000, 540000, 615000, 690000, 760000],
  incrementCents: 28000,
};

async function person(email: string) {
  const hash = await hashPassword('salasana-123');
  await asSystem(rt.db, (tx) =>
    tx
      .insertInto('people')
      .values({ email, name: email.split('@')[0]!, password_hash: hash })
      .execute(),
  );
  const client = new Client(rt.app);
  expect((await client.login(email, 'salasana-123')).statusCode).toBe(200);
  return client;
}

const auditOf = (action: string, target: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('audit_events')
      .innerJoin('people', 'people.id', 'audit_events.actor_person_id')
      .select(['people.email'])
      .where('action', '=', action)
      .where('target', '=', target)
      .execute(),
  );

interface Preview {
  basis: string;
  familySize: number | null;
  childrenUnder18: number;
  limitCents: number | null;
  fullFeeCents: number | null;
  missingLimits: boolean;
  period: { validFrom: string; own: boolean };
  children: { firstName: string; rule: string; feeCents: number | null }[];
}
const preview = async (client: Client) => {
  const response = await client.get(`daycare/fees?date=${today}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Preview;
};

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
  finance = await loggedIn(rt.app, 'talous@tyrskyla.example');
});
afterAll(async () => rt?.dispose());

describe('fee parameters', () => {
  it('ships the national sets of 1.8.2024 and 1.8.2026, and the administrator enters limits', async () => {
    const list = await finance.get('admin/daycare/fee-periods');
    expect(list.statusCode).toBe(200);
    const sets = list.json().items as (typeof ownSet & {
      validFrom: string;
      validTo: string | null;
      own: boolean;
    })[];
    const [s2024, s2026] = [
      sets.find((s) => s.validFrom === '2024-08-01')!,
      sets.find((s) => s.validFrom === '2026-08-01')!,
    ];
    expect(s2024).toMatchObject({
      validTo: '2026-07-31',
      own: false,
      maxFeeCents: 31100,
      minFeeCents: 3000,
      incomeBp: 1070,
      incomeLimitsCents: [406600, 524500, 595600, 666700, 737600],
      incrementCents: 27500,
    });
    // The demo Tyrskylä has its own 2026 set (the 2024 limits filled in, as demo data).
    expect(s2026).toMatchObject({
      own: true,
      maxFeeCents: 33500,
      secondChildMaxCents: 13400,
      minFeeCents: 3200,
    });

    // Only the administrator saves; finance and guardians read or nothing.
    expect((await finance.put('admin/daycare/fee-periods/2026-08-01', ownSet)).statusCode).toBe(
      403,
    );
    expect((await guardian.get('admin/daycare/fee-periods')).statusCode).toBe(403);
    const saved = await admin.put('admin/daycare/fee-periods/2026-08-01', ownSet);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ own: true, incomeLimitsCents: ownSet.incomeLimitsCents });
    const halfDone = await admin.put('admin/daycare/fee-periods/2026-08-01', {
      ...ownSet,
      incrementCents: null,
    });
    expect(halfDone.statusCode).toBe(422);
    // Pyhäranta still sees the national set without limits.
    const pyharanta = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    const theirs = (await pyharanta.get('admin/daycare/fee-periods')).json().items as typeof sets;
    expect(theirs.find((s) => s.validFrom === '2026-08-01')).toMatchObject({
      own: false,
      incomeLimitsCents: null,
    });
  });
});

describe('fee preview', () => {
  let statementId: string;

  it('charges the highest fee without a statement, youngest child first', async () => {
    const { incomeLimitsCents: _l, incrementCents: _i, ...rest } = ownSet;
    const unpublished = { ...rest, incomeLimitsCents: null, incrementCents: null };
    expect((await admin.put(`admin/daycare/fee-periods/${today}`, unpublished)).statusCode).toBe(
      200,
    );
    const { data } = await myDaycare(guardian);
    const placed = data.children.filter((c) => c.placements.length > 0);
    expect(placed.length).toBe(2);
    const p = await preview(guardian);
    expect(p.period).toMatchObject({ validFrom: today, own: true });
    expect(p.basis).toBe('noStatement');
    // Eino (pre-school) is younger than Aino (afternoon club): he pays the full fee, Aino the
    // second child's 134 €.
    expect(p.children.map((c) => [c.firstName, c.rule, c.feeCents])).toEqual([
      ['Eino', 'youngest', 33500],
      ['Aino', 'second', 13400],
    ]);
  });

  it('follows the submitted income, once the limits are there', async () => {
    const submitted = await guardian.post('daycare/income-statements', {
      acceptsHighestFee: false,
      incomesCents: [400000, 300000],
      attachment: pdf,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    statementId = submitted.json().id;
    expect(submitted.json()).toMatchObject({ totalIncomeCents: 700000, handled: false });

    // The period has no limits yet: the preview says so instead of guessing.
    const waiting = await preview(guardian);
    expect(waiting).toMatchObject({ basis: 'income', missingLimits: true, fullFeeCents: null });

    expect((await admin.put(`admin/daycare/fee-periods/${today}`, ownSet)).statusCode).toBe(200);
    const p = await preview(guardian);
    // Two adults and the guardian's children under 18.
    expect(p.familySize).toBe(2 + p.childrenUnder18);
    expect(p.childrenUnder18).toBe(2);
    // Family of 4: (7 000 € − 6 150 €) × 10,7 % = 90,95 €; the second child 40 %: 36,38 €.
    expect(p.limitCents).toBe(615000);
    expect(p.children.map((c) => c.feeCents)).toEqual([9095, 3638]);
    expect(
      await auditOf(
        'daycare.income.read',
        `person:${(await guardian.get('session')).json().user.id}`,
      ),
    ).not.toEqual([]);
  });

  it('charges the highest fee when the family accepts it', async () => {
    const accepted = await guardian.post('daycare/income-statements', {
      acceptsHighestFee: true,
      incomesCents: [],
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const p = await preview(guardian);
    expect(p.basis).toBe('highestFeeAccepted');
    expect(p.children.map((c) => c.feeCents)).toEqual([33500, 13400]);
    // The earlier statement is still the family's to see.
    const list = (await guardian.get('daycare/income-statements')).json().items as { id: string }[];
    expect(list.map((s) => s.id)).toEqual([accepted.json().id, statementId]);
  });

  it('refuses a statement without a proof, or with a file that is not what it claims', async () => {
    const without = await guardian.post('daycare/income-statements', {
      acceptsHighestFee: false,
      incomesCents: [300000],
    });
    expect(without.statusCode).toBe(422);
    expect(without.json().code).toBe('incomeAttachmentMissing');
    const fake = await guardian.post('daycare/income-statements', {
      acceptsHighestFee: false,
      incomesCents: [300000],
      attachment: { ...pdf, contentType: 'image/png' },
    });
    expect(fake.statusCode).toBe(422);
    const tooMany = await guardian.post('daycare/income-statements', {
      acceptsHighestFee: false,
      incomesCents: [1, 2, 3],
      attachment: pdf,
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it("keeps a family's statements from other guardians, shows them to finance, and audits", async () => {
    const other = await person('toinen.perhe@example.com');
    expect((await other.get(`daycare/income-statements/${statementId}`)).statusCode).toBe(404);
    expect(
      (await other.get(`daycare/income-statements/${statementId}/attachment`)).statusCode,
    ).toBe(404);
    expect((await other.get('daycare/income-statements')).json().items).toEqual([]);
    // Not even the administrator reads income statements; finance does.
    expect((await admin.get('admin/daycare/income-statements')).statusCode).toBe(403);
    expect((await guardian.get('admin/daycare/income-statements')).statusCode).toBe(403);
    expect((await guardian.get(`daycare/income-statements/${statementId}`)).statusCode).toBe(200);

    const open = (await finance.get('admin/daycare/income-statements')).json().items as {
      id: string;
      email: string;
      children: string[];
    }[];
    const mine = open.find((s) => s.id === statementId)!;
    expect(mine.email).toBe('huoltaja@tyrskyla.example');
    expect(mine.children.length).toBeGreaterThan(0);
    const file = await finance.get(`daycare/income-statements/${statementId}/attachment`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const target = `income-statement:${statementId}`;
    expect((await auditOf('daycare.income.attachment.read', target)).map((a) => a.email)).toEqual([
      'talous@tyrskyla.example',
    ]);
    expect((await auditOf('daycare.income.read', target)).map((a) => a.email)).toEqual([
      'huoltaja@tyrskyla.example',
    ]);

    const handled = await finance.post(`admin/daycare/income-statements/${statementId}/handled`);
    expect(handled.statusCode).toBe(200);
    expect((await guardian.get(`daycare/income-statements/${statementId}`)).json().handled).toBe(
      true,
    );
    const still = (await finance.get('admin/daycare/income-statements')).json().items as {
      id: string;
    }[];
    expect(still.map((s) => s.id)).not.toContain(statementId);
    const done = (await finance.get('admin/daycare/income-statements?status=handled')).json()
      .items as { id: string; handledBy: string }[];
    expect(done.find((s) => s.id === statementId)?.handledBy).toBe('Taru Talousihminen');
    expect(
      (await guardian.post(`admin/daycare/income-statements/${statementId}/handled`)).statusCode,
    ).toBe(403);
  });

  it("shows the statement to the child's other guardian, who shares the family", async () => {
    const first = await person('vanhempi.a@example.com');
    const second = await person('vanhempi.b@example.com');
    const child = await admin.post('admin/daycare/children', {
      firstName: 'Ilona',
      lastName: 'Perhe',
      birthDate: '2023-03-03',
      guardianEmails: ['vanhempi.a@example.com', 'vanhempi.b@example.com'],
    });
    expect(child.statusCode, child.body).toBe(201);
    const groups = await asSystem(rt.db, (tx) =>
      tx.selectFrom('daycare_groups').select('id').execute(),
    );
    const placed = await admin.post('admin/daycare/placements', {
      childId: child.json().id,
      groupId: groups[0]!.id,
      startDate: addDays(nextWeekday(), -30),
      endDate: null,
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const submitted = await first.post('daycare/income-statements', {
      acceptsHighestFee: false,
      incomesCents: [250000, 200000],
      attachment: pdf,
    });
    expect(submitted.statusCode).toBe(201);
    expect((await second.get(`daycare/income-statements/${submitted.json().id}`)).statusCode).toBe(
      200,
    );
    // Family of 3 under the 5 400 € limit: no fee.
    const p = await preview(second);
    expect(p).toMatchObject({
      basis: 'income',
      familySize: 3,
      limitCents: 540000,
      fullFeeCents: 0,
    });
    expect(p.children.map((c) => c.feeCents)).toEqual([0]);
    expect(
      (await guardian.get(`daycare/income-statements/${submitted.json().id}`)).statusCode,
    ).toBe(404);
  });
});
