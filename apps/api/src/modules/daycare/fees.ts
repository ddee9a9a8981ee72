import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, requireUser, type Ctx } from '../../platform/http/context.js';
import { ageOn, childrenOf } from '../../platform/family/children.js';
import { placementsOf } from './daycare.repo.js';
import { addDays, localToday } from './days.js';
import { childFees, fullFee, type FeeParameters } from './fees.calc.js';

/**
 * Income statements and the fee preview. The family is the signed-in guardian and the other
 * guardians of their children (the household's one or two adults) with the guardian's
 * children under 18. Whatever any of them submitted is the family's; nobody else's is seen.
 * Every read of a family's income data writes an audit record.
 */

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** The first bytes of each accepted type: a file is what it claims to be. */
const MAGIC: Record<AttachmentType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
};

export interface StatementInput {
  acceptsHighestFee: boolean;
  incomesCents: number[];
  attachment?: { name: string; contentType: AttachmentType; dataBase64: string };
}

/** The signed-in guardian and the other guardians of their children. */
async function familyPersonIds(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('guardianships as mine')
    .innerJoin('guardianships as other', 'other.child_id', 'mine.child_id')
    .select('other.person_id')
    .distinct()
    .where('mine.person_id', '=', personId)
    .execute();
  return [...new Set([personId, ...rows.map((r) => r.person_id)])];
}

const STATEMENT_COLUMNS = [
  's.id',
  's.submitted_at',
  's.accepts_highest_fee',
  's.incomes_cents',
  's.attachment_name',
  's.attachment_type',
  's.handled_at',
  'p.name as submitted_by_name',
] as const;

type StatementRow = {
  id: string;
  submitted_at: Date;
  accepts_highest_fee: boolean;
  incomes_cents: number[];
  attachment_name: string | null;
  attachment_type: string | null;
  handled_at: Date | null;
  submitted_by_name: string;
};

const statementView = (s: StatementRow) => ({
  id: s.id,
  submittedAt: new Date(s.submitted_at).toISOString(),
  submittedBy: s.submitted_by_name,
  acceptsHighestFee: s.accepts_highest_fee,
  incomesCents: s.incomes_cents,
  totalIncomeCents: s.incomes_cents.reduce((a, b) => a + b, 0),
  attachment: s.attachment_name
    ? { name: s.attachment_name, contentType: s.attachment_type! }
    : null,
  handled: s.handled_at !== null,
});

function familyStatements(tx: Tx, persons: string[]) {
  return tx
    .selectFrom('daycare_income_statements as s')
    .innerJoin('people as p', 'p.id', 's.submitted_by')
    .select(STATEMENT_COLUMNS)
    .where('s.submitted_by', 'in', persons)
    .orderBy('s.submitted_at', 'desc')
    .orderBy('s.id');
}

/** A guardian submits the family's income statement, or accepts the highest fee. */
export async function submitIncomeStatement(ctx: Ctx, input: StatementInput) {
  requireUser(ctx);
  const actor = ctx.actor;
  let file: Buffer | null = null;
  if (input.acceptsHighestFee) {
    if (input.incomesCents.length > 0 || input.attachment) {
      throw new AppError(422, 'incomeHighestFeeOnly');
    }
  } else {
    if (input.incomesCents.length < 1 || input.incomesCents.length > 2) {
      throw new AppError(422, 'incomeAdults');
    }
    if (!input.attachment) throw new AppError(422, 'incomeAttachmentMissing');
    file = Buffer.from(input.attachment.dataBase64, 'base64');
    const magic = MAGIC[input.attachment.contentType];
    if (file.length === 0 || !magic.every((byte, i) => file![i] === byte)) {
      throw new AppError(422, 'incomeAttachmentType');
    }
    if (file.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError(422, 'incomeAttachmentSize', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
    }
  }
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await tx
      .insertInto('daycare_income_statements')
      .values({
        municipality_id: ctx.municipality.id,
        submitted_by: actor.personId,
        accepts_highest_fee: input.acceptsHighestFee,
        incomes_cents: input.incomesCents,
        attachment_name: file ? input.attachment!.name.trim() || 'liite' : null,
        attachment_type: file ? input.attachment!.contentType : null,
        attachment: file,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, 'daycare.income.submit', `income-statement:${row.id}`, {
      acceptsHighestFee: input.acceptsHighestFee,
      adults: input.incomesCents.length,
      attachmentBytes: file?.length ?? 0,
    });
    const [statement] = await familyStatements(tx, [actor.personId])
      .where('s.id', '=', row.id)
      .execute();
    return statementView(statement!);
  });
}

/** The family's statements, newest first (the first is the one on record). */
export async function listMyIncomeStatements(ctx: Ctx) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await familyStatements(tx, await familyPersonIds(tx, actor.personId))
      .limit(100)
      .execute();
    await audit(tx, ctx, 'daycare.income.read', `person:${actor.personId}`, {
      statements: rows.map((r) => r.id),
    });
    return rows.map(statementView);
  });
}

/** One of the family's statements; another family's is not found. */
export async function getMyIncomeStatement(ctx: Ctx, id: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const [row] = await familyStatements(tx, await familyPersonIds(tx, actor.personId))
      .where('s.id', '=', id)
      .execute();
    if (!row) throw notFound();
    await audit(tx, ctx, 'daycare.income.read', `income-statement:${id}`);
    return statementView(row);
  });
}

/** A statement's attachment, for the family's guardians and the finance staff. */
export async function incomeAttachment(ctx: Ctx, id: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    let q = tx
      .selectFrom('daycare_income_statements')
      .select(['attachment', 'attachment_name', 'attachment_type'])
      .where('id', '=', id);
    if (!ctx.roles.includes('finance')) {
      q = q.where('submitted_by', 'in', await familyPersonIds(tx, actor.personId));
    }
    const row = await q.executeTakeFirst();
    if (!row?.attachment) throw notFound();
    await audit(tx, ctx, 'daycare.income.attachment.read', `income-statement:${id}`);
    return {
      data: Buffer.from(row.attachment),
      name: row.attachment_name!,
      contentType: row.attachment_type!,
    };
  });
}

export interface FeePeriodView extends FeeParameters {
  /** The last day, the day before the next set starts; null: until further notice. */
  validTo: string | null;
  /** The municipality's own set (false: the national one shipped with Helppo). */
  own: boolean;
}

/** The parameter sets in force by period: the municipality's own over the national one. */
async function feePeriods(tx: Tx): Promise<FeePeriodView[]> {
  const rows = await tx
    .selectFrom('daycare_fee_periods')
    .selectAll()
    .select(sql<string>`valid_from::text`.as('from'))
    .orderBy('valid_from')
    .orderBy(sql`municipality_id IS NULL`)
    .execute();
  const byStart = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!byStart.has(r.from)) byStart.set(r.from, r);
  const sets = [...byStart.values()];
  return sets.map((r, i) => ({
    validFrom: r.from,
    validTo: i + 1 < sets.length ? addDays(sets[i + 1]!.from, -1) : null,
    own: r.municipality_id !== null,
    maxFeeCents: r.max_fee_cents,
    minFeeCents: r.min_fee_cents,
    incomeBp: r.income_bp,
    secondChildBp: r.second_child_bp,
    furtherChildBp: r.further_child_bp,
    secondChildMaxCents: r.second_child_max_cents,
    incomeLimitsCents: r.income_limits_cents,
    incrementCents: r.increment_cents,
  }));
}

/**
 * The fee preview of the signed-in guardian's family on a day (today without one): the
 * income on record, the family's size, the parameter set of the day, and each child placed
 * in daycare that day with the fee and the rule it came from, youngest first. Without a
 * statement, or with the highest fee accepted, the youngest pays the maximum (§ 11 of the act:
 * a family that does not tell its income pays the highest fee).
 */
export async function getFeePreview(ctx: Ctx, date?: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  const day = date ?? localToday();
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const period = (await feePeriods(tx)).find(
      (p) => p.validFrom <= day && (p.validTo === null || p.validTo >= day),
    );
    if (!period) throw new AppError(422, 'feePeriodMissing', { date: day });
    const [statement] = await familyStatements(tx, await familyPersonIds(tx, actor.personId))
      .limit(1)
      .execute();
    const children = (await childrenOf(tx, actor.personId)).filter(
      (c) => c.birth_date <= day && ageOn(c.birth_date, day) < 18,
    );
    const placements = await placementsOf(
      tx,
      children.map((c) => c.id),
      day,
      day,
    );
    const placed = children
      .filter((c) => placements.some((p) => p.child_id === c.id))
      .sort((a, b) => b.birth_date.localeCompare(a.birth_date) || a.id.localeCompare(b.id));
    await audit(tx, ctx, 'daycare.income.read', `person:${actor.personId}`, {
      preview: day,
      statement: statement?.id ?? null,
    });

    const basis = !statement
      ? ('noStatement' as const)
      : statement.accepts_highest_fee
        ? ('highestFeeAccepted' as const)
        : ('income' as const);
    const adults = basis === 'income' ? statement!.incomes_cents.length : null;
    const familySize = adults === null ? null : adults + children.length;
    const incomeCents = basis === 'income' ? statementView(statement!).totalIncomeCents : null;
    const computed =
      incomeCents !== null && familySize !== null ? fullFee(period, incomeCents, familySize) : null;
    const fullFeeCents = basis === 'income' ? (computed?.fullFeeCents ?? null) : period.maxFeeCents;
    const fees = fullFeeCents === null ? [] : childFees(period, fullFeeCents, placed.length);
    return {
      date: day,
      period,
      basis,
      statement: statement ? statementView(statement) : null,
      adults,
      childrenUnder18: children.length,
      familySize,
      incomeCents,
      limitCents: computed?.limitCents ?? null,
      excessCents: computed?.excessCents ?? null,
      percentFeeCents: computed?.percentFeeCents ?? null,
      fullFeeCents,
      missingLimits: basis === 'income' && computed === null,
      children: placed.map((c, i) => ({
        id: c.id,
        firstName: c.first_name,
        lastName: c.last_name,
        birthDate: c.birth_date,
        rule: fees[i]?.rule ?? (i === 0 ? 'youngest' : i === 1 ? 'second' : 'further'),
        computedCents: fees[i]?.computedCents ?? null,
        feeCents: fees[i]?.feeCents ?? null,
      })),
    };
  });
}

/** The finance staff's list: open statements first, then the handled, newest first. */
export async function listIncomeStatements(ctx: Ctx, status: 'open' | 'handled') {
  requireRole(ctx, 'finance');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    let q = tx
      .selectFrom('daycare_income_statements as s')
      .innerJoin('people as p', 'p.id', 's.submitted_by')
      .leftJoin('people as h', 'h.id', 's.handled_by')
      .select([...STATEMENT_COLUMNS, 's.submitted_by', 'p.email', 'h.name as handled_by_name'])
      .select(sql<string | null>`s.handled_at`.as('handled_at_text'));
    q =
      status === 'open'
        ? q.where('s.handled_at', 'is', null)
        : q.where('s.handled_at', 'is not', null);
    const rows = await q.orderBy('s.submitted_at', 'desc').limit(500).execute();
    const children = await tx
      .selectFrom('guardianships as g')
      .innerJoin('children as c', 'c.id', 'g.child_id')
      .select(['g.person_id', 'c.first_name', 'c.last_name'])
      .where(
        'g.person_id',
        'in',
        rows.length ? rows.map((r) => r.submitted_by) : ['00000000-0000-0000-0000-000000000000'],
      )
      .orderBy('c.birth_date')
      .execute();
    await audit(tx, ctx, 'daycare.income.list', null, {
      status,
      statements: rows.map((r) => r.id),
    });
    return rows.map((r) => ({
      ...statementView(r),
      email: r.email,
      children: children
        .filter((c) => c.person_id === r.submitted_by)
        .map((c) => `${c.first_name} ${c.last_name}`),
      handledAt: r.handled_at ? new Date(r.handled_at).toISOString() : null,
      handledBy: r.handled_by_name,
    }));
  });
}

export async function markIncomeStatementHandled(ctx: Ctx, id: string) {
  requireRole(ctx, 'finance');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await tx
      .selectFrom('daycare_income_statements')
      .select(['id', 'handled_at'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.handled_at === null) {
      await tx
        .updateTable('daycare_income_statements')
        .set({ handled_at: sql`now()`, handled_by: actor.personId })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, 'daycare.income.handle', `income-statement:${id}`);
    }
    return { handled: true };
  });
}

export async function listFeePeriods(ctx: Ctx) {
  requireRole(ctx, 'admin', 'finance');
  return inTenant(ctx.db, ctx.municipality.id, feePeriods);
}

export type FeePeriodInput = Omit<FeeParameters, 'validFrom'>;

/** The administrator saves the municipality's own parameter set of the period from `validFrom`. */
export async function saveFeePeriod(ctx: Ctx, validFrom: string, input: FeePeriodInput) {
  requireRole(ctx, 'admin');
  const actor = ctx.actor;
  if ((input.incomeLimitsCents === null) !== (input.incrementCents === null)) {
    throw new AppError(422, 'feeLimitsIncomplete');
  }
  if (input.minFeeCents > input.maxFeeCents) throw new AppError(422, 'feeMinAboveMax');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const values = {
      max_fee_cents: input.maxFeeCents,
      min_fee_cents: input.minFeeCents,
      income_bp: input.incomeBp,
      second_child_bp: input.secondChildBp,
      further_child_bp: input.furtherChildBp,
      second_child_max_cents: input.secondChildMaxCents,
      income_limits_cents: input.incomeLimitsCents,
      increment_cents: input.incrementCents,
      updated_by: actor.personId,
      updated_at: sql<Date>`now()`,
    };
    await tx
      .insertInto('daycare_fee_periods')
      .values({ municipality_id: ctx.municipality.id, valid_from: validFrom, ...values })
      .onConflict((oc) => oc.columns(['municipality_id', 'valid_from']).doUpdateSet(values))
      .execute();
    await audit(tx, ctx, 'daycare.fee.period.save', `fee-period:${validFrom}`, { ...input });
    return (await feePeriods(tx)).find((p) => p.validFrom === validFrom)!;
  });
}
