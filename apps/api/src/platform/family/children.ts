import { sql } from 'kysely';
import { inTenant, type Tx } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import { requireUser, type Ctx } from '../http/context.js';
import { localDate } from '../i18n/time.js';

/**
 * A guardian's children. In production they come from the population register through
 * Suomi.fi (guardianship is a register fact); until that integration a guardian adds them
 * here, and only the guardian who added a child (or was linked to it) sees and registers it.
 */
export interface ChildInput {
  firstName: string;
  lastName: string;
  birthDate: string;
}

const toView = (row: {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
}) => ({
  id: row.id,
  firstName: row.first_name,
  lastName: row.last_name,
  birthDate: row.birth_date,
});

/** The children of a guardian among `ids` (all of them without ids). */
export async function childrenOf(tx: Tx, personId: string, ids?: string[]) {
  return childrenOfGuardians(tx, [personId], ids);
}

/** The children of any of `personIds` among `ids`, each with the guardian it was found for. */
export async function childrenOfGuardians(tx: Tx, personIds: string[], ids?: string[]) {
  const none = ['00000000-0000-0000-0000-000000000000'];
  let q = tx
    .selectFrom('children')
    .innerJoin('guardianships', 'guardianships.child_id', 'children.id')
    .select([
      'children.id',
      'children.first_name',
      'children.last_name',
      sql<string>`children.birth_date::text`.as('birth_date'),
      'guardianships.person_id',
    ])
    .where('guardianships.person_id', 'in', personIds.length ? personIds : none);
  if (ids) q = q.where('children.id', 'in', ids.length ? ids : none);
  return q.orderBy('children.birth_date').orderBy('children.id').execute();
}

export async function listMyChildren(ctx: Ctx) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) =>
    (await childrenOf(tx, actor.personId)).map(toView),
  );
}

export async function addChild(ctx: Ctx, input: ChildInput) {
  requireUser(ctx);
  const actor = ctx.actor;
  if (input.birthDate > localDate(new Date()) || input.birthDate < '1900-01-01') {
    throw new AppError(422, 'birthDate');
  }
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const child = await tx
      .insertInto('children')
      .values({
        municipality_id: ctx.municipality.id,
        first_name: input.firstName.trim(),
        last_name: input.lastName.trim(),
        birth_date: input.birthDate,
      })
      .returning(['id', 'first_name', 'last_name', sql<string>`birth_date::text`.as('birth_date')])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('guardianships')
      .values({
        municipality_id: ctx.municipality.id,
        child_id: child.id,
        person_id: actor.personId,
      })
      .execute();
    await audit(tx, ctx, 'child.add', `child:${child.id}`);
    return toView(child);
  });
}

/** Age in full years on a local date. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
