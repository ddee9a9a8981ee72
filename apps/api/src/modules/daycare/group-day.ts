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
        'a.category',
        'a.note',
        'a.reported_at',
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
          .select(['child_id', sql<string>`absence_date::text`.as('date'), 'category'])
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
      unit: { id: group.unit_id, name: group.unit_name },
      group: { id: group.id, name: group.name },
      children: children.map((c) => ({
        id: c.id,
        firstName: c.first_name,
        lastName: c.last_name,
        birthDate: c.birth_date,
        absence: c.category
          ? {
              category: c.category,
              note: c.note ?? '',
              reportedAt: c.reported_at!.toISOString(),
              reportedBy: c.reported_by ?? '',
            }
          : null,
        upcoming: upcoming
          .filter((a) => a.child_id === c.id)
          .map((a) => ({ date: a.date, category: a.category as AbsenceCategory })),
      })),
    };
  });
}
