import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/auth/password.js';
import { addDays } from './days.js';
import { myDaycare, nextWeekday, report, type Absence } from './test-support.js';

/**
 * Privacy: guardians see their own children only, staff only the units where they work, and
 * every read of a child's or a family's data leaves an audit record.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let admin: Client;
let other: Client;
let eino: string;
let groups: Record<string, string>;

/** Someone new with a password; `email` gets a session in Tyrskylä. */
async function person(email: string) {
  const hash = await hashPassword('salasana-123');
  await asSystem(rt.db, (tx) =>
    tx.insertInto('people').values({ email, name: 'Olli Toinen', password_hash: hash }).execute(),
  );
  const client = new Client(rt.app);
  expect((await client.login(email, 'salasana-123')).statusCode).toBe(200);
  return client;
}

const auditOf = (action: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('audit_events')
      .innerJoin('people', 'people.id', 'audit_events.actor_person_id')
      .select(['people.email', 'audit_events.target', 'audit_events.details'])
      .where('action', '=', action)
      .orderBy('audit_events.id', 'desc')
      .execute(),
  );

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
  eino = (await myDaycare(guardian)).child('Eino').id;
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('daycare_groups').select(['id', 'name']).execute(),
  );
  groups = Object.fromEntries(rows.map((g) => [g.name.split(' ')[0]!, g.id]));
  // Another family: a guardian whose child is in Aallokko's Laineet group.
  other = await person('toinen.huoltaja@example.com');
  const child = await admin.post('admin/daycare/children', {
    firstName: 'Oona',
    lastName: 'Toinen',
    birthDate: '2022-02-02',
    guardianEmails: ['toinen.huoltaja@example.com'],
  });
  expect(child.statusCode, child.body).toBe(201);
  const placed = await admin.post('admin/daycare/placements', {
    childId: child.json().id,
    groupId: groups.Laineet,
    startDate: addDays(nextWeekday(), -30),
    endDate: null,
  });
  expect(placed.statusCode, placed.body).toBe(201);
});
afterAll(async () => rt?.dispose());

describe('daycare privacy', () => {
  it("keeps one family's children and absences from another guardian, even by id", async () => {
    const day = nextWeekday(nextWeekday());
    const mine = await report(guardian, { childIds: [eino], startDate: day, endDate: day });
    expect(mine.statusCode).toBe(201);
    const einosAbsence = (mine.json().items as Absence[])[0]!;

    const { data } = await myDaycare(other);
    expect(data.children.map((c) => c.firstName)).toEqual(['Oona']);
    expect(JSON.stringify(data)).not.toContain('Eino');
    // Reporting for, or cancelling, another family's child: as if it did not exist.
    const forEino = await report(other, { childIds: [eino], startDate: day, endDate: day });
    expect(forEino.statusCode).toBe(404);
    const cancel = await other.post('daycare/absences/cancel', { absenceIds: [einosAbsence.id] });
    expect(cancel.statusCode).toBe(404);
    const oona = data.children[0]!.id;
    const mixed = await report(other, { childIds: [oona, eino], startDate: day, endDate: day });
    expect(mixed.statusCode).toBe(404);
    expect((await other.get('daycare/absences')).json().items).toEqual([]);
    // Nothing changed, nothing was written for Oona either.
    const still = (await guardian.get('daycare/absences')).json().items as Absence[];
    expect(still.map((a) => a.id)).toContain(einosAbsence.id);
    // A guardian is no staff: the day views of their own child's group are closed to them.
    expect((await other.get(`daycare/groups/${groups.Laineet}/day`)).statusCode).toBe(403);
    expect((await other.get('daycare/units')).statusCode).toBe(403);
  });

  it('shows staff the groups of their own units only', async () => {
    const majakka = await loggedIn(rt.app, 'majakka@tyrskyla.example');
    const aallokko = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
    const units = (await majakka.get('daycare/units')).json().items as {
      name: string;
      groups: { name: string }[];
    }[];
    expect(units.map((u) => u.name)).toEqual(['Päiväkoti Majakka']);
    expect(units[0]!.groups.map((g) => g.name)).toEqual([
      'Meritähdet (esiopetus)',
      'Simpukat (1–3 v)',
    ]);
    expect((await majakka.get(`daycare/groups/${groups.Meritähdet}/day`)).statusCode).toBe(200);
    // Another unit's group, by id: not there for them.
    expect((await aallokko.get(`daycare/groups/${groups.Meritähdet}/day`)).statusCode).toBe(404);
    expect((await majakka.get(`daycare/groups/${groups.Laineet}/day`)).statusCode).toBe(404);
    // A member of one group sees the other groups of the unit too (Veera is in Meritähdet).
    const veera = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
    expect((await veera.get(`daycare/groups/${groups.Simpukat}/day`)).statusCode).toBe(200);
    expect((await veera.get(`daycare/groups/${groups.Kotilot}/day`)).statusCode).toBe(404);
    // Other staff and other municipalities' people get nothing.
    const facilities = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    expect((await facilities.get(`daycare/groups/${groups.Simpukat}/day`)).statusCode).toBe(403);
    const pyharanta = await loggedIn(rt.app, 'admin@pyharanta.example', 'tyrskyla');
    expect((await pyharanta.get(`daycare/groups/${groups.Simpukat}/day`)).statusCode).toBe(403);
    expect((await pyharanta.get('daycare/children')).json().children).toEqual([]);
  });

  it('loses the view when the membership or the role is removed', async () => {
    const added = await admin.post(`admin/daycare/units/${await unitOf('Laineet')}/staff`, {
      email: 'toinen.huoltaja@example.com',
      groupId: groups.Laineet,
    });
    expect(added.statusCode, added.body).toBe(201);
    const view = await other.get(`daycare/groups/${groups.Laineet}/day`);
    expect(view.statusCode).toBe(200);
    expect((view.json().children as { firstName: string }[]).map((c) => c.firstName)).toContain(
      'Oona',
    );
    expect((await admin.delete(`admin/daycare/staff/${added.json().id}`)).statusCode).toBe(204);
    expect((await other.get(`daycare/groups/${groups.Laineet}/day`)).statusCode).toBe(404);
    // A member whose daycare staff role is taken away sees nothing either.
    await admin.post(`admin/daycare/units/${await unitOf('Laineet')}/staff`, {
      email: 'toinen.huoltaja@example.com',
      groupId: null,
    });
    expect((await other.get(`daycare/groups/${groups.Laineet}/day`)).statusCode).toBe(200);
    const personId = (await other.refresh()).json().user.id as string;
    const revoked = await admin.delete(`admin/people/${personId}/roles/daycare_staff`);
    expect(revoked.statusCode).toBe(204);
    expect((await other.get(`daycare/groups/${groups.Laineet}/day`)).statusCode).toBe(403);
  });

  it("writes an audit record for every read of a child's or family's data", async () => {
    await myDaycare(guardian);
    const family = await auditOf('daycare.family.read');
    expect(family[0]).toMatchObject({ email: 'huoltaja@tyrskyla.example' });
    expect((family[0]!.details as { children: string[] }).children).toContain(eino);

    await guardian.get('daycare/absences');
    expect((await auditOf('daycare.absence.list'))[0]?.email).toBe('huoltaja@tyrskyla.example');

    const majakka = await loggedIn(rt.app, 'majakka@tyrskyla.example');
    const day = nextWeekday();
    await majakka.get(`daycare/groups/${groups.Meritähdet}/day?date=${day}`);
    const read = (await auditOf('daycare.groupDay.read'))[0]!;
    expect(read).toMatchObject({ email: 'majakka@tyrskyla.example' });
    expect(read.target).toBe(`group:${groups.Meritähdet}`);
    expect(read.details).toMatchObject({ date: day });
    expect((read.details as { children: string[] }).children).toContain(eino);

    await admin.get(`admin/daycare/units/${await unitOf('Meritähdet')}/placements`);
    expect((await auditOf('daycare.placement.list'))[0]?.email).toBe('admin@tyrskyla.example');
    await admin.get('admin/daycare/children?q=Virtanen');
    const search = (await auditOf('daycare.child.search'))[0]!;
    expect((search.details as { children: string[] }).children).toContain(eino);
    // Writes are audited too, with the child as the target.
    const report = (await auditOf('daycare.absence.report'))[0];
    expect(report?.target).toMatch(/^child:/);
  });
});

async function unitOf(group: string) {
  return (
    await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('daycare_groups')
        .select('unit_id')
        .where('id', '=', groups[group]!)
        .executeTakeFirstOrThrow(),
    )
  ).unit_id;
}
