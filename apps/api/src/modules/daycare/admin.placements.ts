import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { localToday } from './days.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';

/** Municipality administrators place children in units' groups for date ranges. */

export interface PlacementInput {
  childId: string;
  groupId: string;
  startDate: string;
  endDate: string | null;
}

const CHILD = [
  'c.id as child_id',
  'c.first_name',
  'c.last_name',
  sql<string>`c.birth_date::text`.as('birth_date'),
] as const;

/** The unit's placements that have not ended before today, by group and child. */
export async function listUnitPlacements(ctx: Ctx, unitId: string) {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unit = await tx
      .selectFrom('daycare_units')
      .select('id')
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw notFound();
    const today = localToday();
    const rows = await tx
      .selectFrom('daycare_placements as p')
      .innerJoin('children as c', 'c.id', 'p.child_id')
      .innerJoin('daycare_groups as g', 'g.id', 'p.group_id')
      .select([
        'p.id',
        ...CHILD,
        'g.id as group_id',
        'g.name as group_name',
        sql<string>`p.start_date::text`.as('start_date'),
        sql<string | null>`p.end_date::text`.as('end_date'),
      ])
      .where('p.unit_id', '=', unitId)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]))
      .orderBy('g.name')
      .orderBy('c.first_name')
      .orderBy('c.last_name')
      .orderBy('p.start_date')
      .execute();
    await audit(tx, ctx, 'daycare.placement.list', `daycareUnit:${unitId}`, {
      children: [...new Set(rows.map((r) => r.child_id))],
    });
    return rows.map((r) => ({
      id: r.id,
      child: {
        id: r.child_id,
        firstName: r.first_name,
        lastName: r.last_name,
        birthDate: r.birth_date,
      },
      group: { id: r.group_id, name: r.group_name },
      startDate: r.start_date,
      endDate: r.end_date,
    }));
  });
}

/** The group's unit, and that the child exists (in this municipality). */
async function checkPlacement(tx: Tx, input: PlacementInput) {
  if (input.endDate !== null && input.endDate < input.startDate) {
    throw new AppError(422, 'placementRange');
  }
  const group = await tx
    .selectFrom('daycare_groups')
    .select(['id', 'unit_id'])
    .where('id', '=', input.groupId)
    .executeTakeFirst();
  const child = await tx
    .selectFrom('children')
    .select('id')
    .where('id', '=', input.childId)
    .executeTakeFirst();
  if (!group || !child) throw notFound();
  return group.unit_id;
}

/** A placement that would overlap another of the same child is refused by the database. */
async function noOverlap<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23P01') throw new AppError(409, 'placementOverlap');
    throw error;
  }
}

export async function createPlacement(ctx: Ctx, input: PlacementInput) {
  requireRole(ctx, 'admin');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unitId = await checkPlacement(tx, input);
    const placement = await noOverlap(() =>
      tx
        .insertInto('daycare_placements')
        .values({
          municipality_id: ctx.municipality.id,
          child_id: input.childId,
          unit_id: unitId,
          group_id: input.groupId,
          start_date: input.startDate,
          end_date: input.endDate,
          created_by: actor.personId,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    await audit(tx, ctx, 'daycare.placement.create', `child:${input.childId}`, {
      placementId: placement.id,
      ...input,
    });
    return placement;
  });
}

/** Move a placement to another group (of any unit) or change its dates. */
export async function updatePlacement(ctx: Ctx, placementId: string, input: PlacementInput) {
  requireRole(ctx, 'admin');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unitId = await checkPlacement(tx, input);
    const updated = await noOverlap(() =>
      tx
        .updateTable('daycare_placements')
        .set({
          unit_id: unitId,
          group_id: input.groupId,
          start_date: input.startDate,
          end_date: input.endDate,
        })
        .where('id', '=', placementId)
        .where('child_id', '=', input.childId)
        .returning('id')
        .executeTakeFirst(),
    );
    if (!updated) throw notFound();
    await audit(tx, ctx, 'daycare.placement.update', `child:${input.childId}`, {
      placementId,
      ...input,
    });
  });
}

export async function deletePlacement(ctx: Ctx, placementId: string) {
  requireRole(ctx, 'admin');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const deleted = await tx
      .deleteFrom('daycare_placements')
      .where('id', '=', placementId)
      .returning(['child_id', sql<string>`start_date::text`.as('start_date')])
      .executeTakeFirst();
    if (!deleted) throw notFound();
    await audit(tx, ctx, 'daycare.placement.delete', `child:${deleted.child_id}`, {
      placementId,
      startDate: deleted.start_date,
    });
  });
}
