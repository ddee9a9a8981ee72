import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { absenceCutoff } from './daycare.repo.js';
import { hhmm, localToday } from './days.js';

/** Municipality administrators keep the daycare units, their groups and the daycare settings. */

export interface UnitInput {
  name: string;
  address: string;
  phone: string;
  email: string;
  operationDays: number[];
}

export interface GroupInput {
  name: string;
  capacity: number;
}

/** A name used already (units within the municipality, groups within their unit). */
async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new AppError(409, 'daycareNameTaken');
    throw error;
  }
}

const unitColumns = (input: UnitInput) => ({
  name: input.name.trim(),
  address: input.address.trim(),
  phone: input.phone.trim(),
  email: input.email.trim(),
  operation_days: [...new Set(input.operationDays)].sort((a, b) => a - b),
});

/** Every unit with its groups, each group's capacity and how many children are placed today. */
export async function listDaycareUnits(ctx: Ctx) {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const today = localToday();
    const units = await tx
      .selectFrom('daycare_units as u')
      .select([
        'u.id',
        'u.name',
        'u.address',
        'u.phone',
        'u.email',
        'u.operation_days',
        (eb) =>
          eb
            .selectFrom('daycare_staff as s')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('s.unit_id', '=', 'u.id')
            .as('staff'),
      ])
      .orderBy('u.name')
      .execute();
    const groups = await tx
      .selectFrom('daycare_groups as g')
      .select([
        'g.id',
        'g.unit_id',
        'g.name',
        'g.capacity',
        (eb) =>
          eb
            .selectFrom('daycare_placements as p')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('p.group_id', '=', 'g.id')
            .where('p.start_date', '<=', today)
            .where((w) => w.or([w('p.end_date', 'is', null), w('p.end_date', '>=', today)]))
            .as('children'),
      ])
      .orderBy('g.name')
      .execute();
    return units.map((u) => ({
      id: u.id,
      name: u.name,
      address: u.address,
      phone: u.phone,
      email: u.email,
      operationDays: u.operation_days,
      staff: Number(u.staff ?? 0),
      groups: groups
        .filter((g) => g.unit_id === u.id)
        .map((g) => ({
          id: g.id,
          name: g.name,
          capacity: g.capacity,
          children: Number(g.children ?? 0),
        })),
    }));
  });
}

export async function createDaycareUnit(ctx: Ctx, input: UnitInput) {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unit = await uniqueName(() =>
      tx
        .insertInto('daycare_units')
        .values({ municipality_id: ctx.municipality.id, ...unitColumns(input) })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    await audit(tx, ctx, 'daycare.unit.create', `daycareUnit:${unit.id}`, { name: input.name });
    return unit;
  });
}

export async function updateDaycareUnit(ctx: Ctx, unitId: string, input: UnitInput) {
  requireRole(ctx, 'admin');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const updated = await uniqueName(() =>
      tx
        .updateTable('daycare_units')
        .set(unitColumns(input))
        .where('id', '=', unitId)
        .returning('id')
        .executeTakeFirst(),
    );
    if (!updated) throw notFound();
    await audit(tx, ctx, 'daycare.unit.update', `daycareUnit:${unitId}`, { name: input.name });
  });
}

export async function createDaycareGroup(ctx: Ctx, unitId: string, input: GroupInput) {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unit = await tx
      .selectFrom('daycare_units')
      .select('id')
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw notFound();
    const group = await uniqueName(() =>
      tx
        .insertInto('daycare_groups')
        .values({
          municipality_id: ctx.municipality.id,
          unit_id: unitId,
          name: input.name.trim(),
          capacity: input.capacity,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    await audit(tx, ctx, 'daycare.group.create', `daycareGroup:${group.id}`, { unitId });
    return group;
  });
}

export async function updateDaycareGroup(ctx: Ctx, groupId: string, input: GroupInput) {
  requireRole(ctx, 'admin');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const updated = await uniqueName(() =>
      tx
        .updateTable('daycare_groups')
        .set({ name: input.name.trim(), capacity: input.capacity })
        .where('id', '=', groupId)
        .returning('id')
        .executeTakeFirst(),
    );
    if (!updated) throw notFound();
    await audit(tx, ctx, 'daycare.group.update', `daycareGroup:${groupId}`, { ...input });
  });
}

export async function getDaycareSettings(ctx: Ctx) {
  requireRole(ctx, 'admin');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => ({
    absenceCutoff: hhmm(await absenceCutoff(tx)),
  }));
}

export async function updateDaycareSettings(ctx: Ctx, input: { absenceCutoff: string }) {
  requireRole(ctx, 'admin');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const values = {
      absence_cutoff: input.absenceCutoff,
      updated_by: actor.personId,
      updated_at: sql<Date>`now()`,
    };
    await tx
      .insertInto('daycare_settings')
      .values({ municipality_id: ctx.municipality.id, ...values })
      .onConflict((oc) => oc.column('municipality_id').doUpdateSet(values))
      .execute();
    await audit(tx, ctx, 'daycare.settings.update', null, { ...input });
    return { absenceCutoff: hhmm(await absenceCutoff(tx)) };
  });
}
