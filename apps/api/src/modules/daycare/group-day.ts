import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import type { AbsenceCategory } from '../../platform/db/schema.js';
import { absenceCutoff, findGroup, memberUnitIds } from './daycare.repo.js';
import { addDays, isoWeekday, todayAt } from './days.js';

/** How many days after the day the day view lists upcoming absences for. */
export const UPCOMING_DAYS = 14;

/** The units (with their groups) where the signed-in staff member works. */
export async function listMyDaycareUnits(ctx: Ctx) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const unitIds = await memberUnitIds(tx, actor.personId);
    if (unitIds.length === 0) return [];
    const groups = await tx
      .selectFrom('daycare_units as u')
      .innerJoin('daycare_groups as g', 'g.unit_id', 'u.id')
      .leftJoin('daycare_staff as s', (join) =>
        join.onRef('s.group_id', '=', 'g.id').on('s.person_id', '=', actor.personId),
      )
      .select([
        'u.id as unit_id',
        'u.name as unit_name',
        'g.id',
        'g.name',
        sql<boolean>`s.id is not null`.as('mine'),
      ])
      .where('u.id', 'in', unitIds)
      .orderBy('u.name')
      .orderBy('g.name')
      .execute();
    const units = new Map<
      string,
      { id: string; name: string; groups: { id: string; name: string; mine: boolean }[] }
    >();
    for (const g of groups) {
      const unit = units.get(g.unit_id) ?? { id: g.unit_id, name: g.unit_name, groups: [] };
      unit.groups.push({ id: g.id, name: g.name, mine: g.mine });
      units.set(g.unit_id, unit);
    }
    return [...units.values()];
  });
}

/**
 * A group's day for its staff: the children placed in the group that day, each present or
 * absent (with the reason and the guardian's note), and their absences in the next two weeks.
 * Only staff of the group's unit see it; to anyone else the group does not exist.
 */
export async function listGroupDay(ctx: Ctx, groupId: string, date: string | undefined) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const group = await findGroup(tx, groupId);
    if (!group || !(await memberUnitIds(tx, actor.personId)).includes(group.unit_id)) {
      throw notFound();
    }
    const now = todayAt(await absenceCutoff(tx));
    const day = date ?? now.today;
    // Recording absences is for the group's own staff and the unit's (absences.staff.ts).
    const recorder = await tx
      .selectFrom('daycare_staff')
      .select('id')
      .where('person_id', '=', actor.personId)
      .where('unit_id', '=', group.unit_id)
      .where((eb) => eb.or([eb('group_id', 'is', null), eb('group_id', '=', groupId)]))
      .executeTakeFirst();
    const children = await tx
      .selectFrom('daycare_placements as p')
      .innerJoin('children as c', 'c.id', 'p.child_id')
      .leftJoin('daycare_absences as a', (join) =>
        join
          .onRef('a.child_id', '=', 'p.child_id')
          .on('a.absence_date', '=', day)
          .on('a.cancelled_at', 'is', null),
      )
      .leftJoin('people as reporter', 'reporter.id', 'a.reported_by')
      .select([
        'c.id',
        'c.first_name',
        'c.last_name',
        sql<string>`c.birth_date::text`.as('birth_date'),
        'a.id as absence_id',
        'a.category',
        'a.note',
        'a.reported_at',
        'a.reported_by_staff',
        'reporter.name as reported_by',
      ])
      .where('p.group_id', '=', groupId)
      .where('p.start_date', '<=', day)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', day)]))
      .orderBy('c.first_name')
      .orderBy('c.last_name')
      .orderBy('c.id')
      .execute();
    const childIds = children.map((c) => c.id);
    const upcoming = childIds.length
      ? await tx
          .selectFrom('daycare_absences')
          .select([
            'id',
            'child_id',
            sql<string>`absence_date::text`.as('date'),
            'category',
            'reported_by_staff',
          ])
          .where('child_id', 'in', childIds)
          .where('cancelled_at', 'is', null)
          .where('absence_date', '>', day)
          .where('absence_date', '<=', addDays(day, UPCOMING_DAYS))
          .orderBy('absence_date')
          .execute()
      : [];
    await audit(tx, ctx, 'daycare.groupDay.read', `group:${groupId}`, {
      date: day,
      children: childIds,
    });
    return {
      date: day,
      today: now.today,
      operationDay: group.operation_days.includes(isoWeekday(day)),
      canRecord: recorder !== undefined && day >= now.today,
      unit: { id: group.unit_id, name: group.unit_name },
      group: { id: group.id, name: group.name },
      children: children.map((c) => ({
        id: c.id,
        firstName: c.first_name,
        lastName: c.last_name,
        birthDate: c.birth_date,
        absence: c.category
          ? {
              id: c.absence_id!,
              category: c.category,
              note: c.note ?? '',
              reportedAt: c.reported_at!.toISOString(),
              reportedBy: c.reported_by ?? '',
              byStaff: c.reported_by_staff ?? false,
            }
          : null,
        upcoming: upcoming
          .filter((a) => a.child_id === c.id)
          .map((a) => ({
            id: a.id,
            date: a.date,
            category: a.category as AbsenceCategory,
            byStaff: a.reported_by_staff,
          })),
      })),
    };
  });
}

/**
 * The children placed today in the staff member's groups (every group of a unit they work in
 * as a whole), for picking one child to write to. Audited: it lists children.
 */
export async function listMyGroupChildren(ctx: Ctx) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const today = todayAt(await absenceCutoff(tx)).today;
    const rows = await tx
      .selectFrom('daycare_placements as p')
      .innerJoin('children as c', 'c.id', 'p.child_id')
      .innerJoin('daycare_groups as g', 'g.id', 'p.group_id')
      .innerJoin('daycare_units as u', 'u.id', 'p.unit_id')
      .select([
        'c.id',
        'c.first_name',
        'c.last_name',
        'g.name as group_name',
        'u.name as unit_name',
      ])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('daycare_staff as s')
            .select('s.id')
            .where('s.person_id', '=', actor.personId)
            .whereRef('s.unit_id', '=', 'p.unit_id')
            .where((w) =>
              w.or([w('s.group_id', 'is', null), w('s.group_id', '=', w.ref('p.group_id'))]),
            ),
        ),
      )
      .where('p.start_date', '<=', today)
      .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]))
      .orderBy('c.first_name')
      .orderBy('c.last_name')
      .orderBy('c.id')
      .execute();
    await audit(tx, ctx, 'daycare.staffChildren.list', null, {
      date: today,
      children: rows.map((r) => r.id),
    });
    return rows.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      unitName: r.unit_name,
      groupName: r.group_name,
    }));
  });
}
