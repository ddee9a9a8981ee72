import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import type { AbsenceCategory } from '../../platform/db/schema.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { MAX_DAYS_AHEAD } from './absences.js';
import { tellGroupStaff } from './absences.notify.js';
import { absenceCutoff, placementOn, placementsOf } from './daycare.repo.js';
import { addDays, daysBetween, isoWeekday, todayAt } from './days.js';

/**
 * The staff of a group record a child's absence (a phone call in the morning, a child sent
 * home sick) and remove one, from the group's day view. The rules are the guardians' with one
 * difference: the cut-off does not bind staff. The cut-off exists so that the day's staffing
 * and meals can be planned from what guardians told in time; staff recording at 11:00 that a
 * child went home at 10:30 is exactly what the day view must show. Past days stay as they
 * were (a record of the day, not something to edit afterwards). Staff of the group and of the
 * group's whole unit may do this; anyone else gets 404, as if the group did not exist.
 */

export interface StaffAbsenceInput {
  childId: string;
  startDate: string;
  endDate: string;
  category: AbsenceCategory;
  note: string;
}

/** The group if the person works in it (or in its whole unit). */
async function myGroup(tx: Tx, personId: string, groupId: string) {
  const group = await tx
    .selectFrom('daycare_groups as g')
    .innerJoin('daycare_staff as s', 's.unit_id', 'g.unit_id')
    .select(['g.id', 'g.unit_id', 'g.name'])
    .where('g.id', '=', groupId)
    .where('s.person_id', '=', personId)
    .where((eb) => eb.or([eb('s.group_id', 'is', null), eb('s.group_id', '=', groupId)]))
    .executeTakeFirst();
  if (!group) throw notFound();
  return group;
}

export async function recordGroupAbsence(ctx: Ctx, groupId: string, input: StaffAbsenceInput) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  const { startDate, endDate, childId } = input;
  if (endDate < startDate) throw new AppError(422, 'absenceRange');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await myGroup(tx, actor.personId, groupId);
    const now = todayAt(await absenceCutoff(tx));
    const placements = (await placementsOf(tx, [childId], startDate, endDate)).filter(
      (p) => p.group_id === groupId,
    );
    // A child who is not in the group on any of the days is none of this group's business.
    if (placements.length === 0) throw notFound();
    if (startDate < now.today) throw new AppError(422, 'absenceStaffPast');
    if (endDate > addDays(now.today, MAX_DAYS_AHEAD)) {
      throw new AppError(422, 'absenceTooFar', { days: MAX_DAYS_AHEAD });
    }
    const child = await tx
      .selectFrom('children')
      .select(['first_name', 'last_name'])
      .where('id', '=', childId)
      .executeTakeFirstOrThrow();
    const days = daysBetween(startDate, endDate).filter((day) =>
      placementOn(placements, childId, day)?.operation_days.includes(isoWeekday(day)),
    );
    if (days.length === 0) throw new AppError(422, 'absenceNoDays', { child: child.first_name });
    const reportId = randomUUID();
    const note = input.note.trim();
    await tx
      .insertInto('daycare_absences')
      .values(
        days.map((day) => ({
          municipality_id: ctx.municipality.id,
          child_id: childId,
          absence_date: day,
          category: input.category,
          note,
          report_id: reportId,
          reported_by: actor.personId,
          reported_by_staff: true,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['child_id', 'absence_date'])
          .where('cancelled_at', 'is', null)
          .doUpdateSet((eb) => ({
            category: eb.ref('excluded.category'),
            note: eb.ref('excluded.note'),
            report_id: eb.ref('excluded.report_id'),
            reported_by: eb.ref('excluded.reported_by'),
            reported_by_staff: true,
            reported_at: sql`now()`,
          })),
      )
      .execute();
    await audit(tx, ctx, 'daycare.absence.report', `child:${childId}`, {
      reportId,
      from: startDate,
      to: endDate,
      category: input.category,
      days: days.length,
      byStaff: true,
      groupId,
    });
    if (days.includes(now.today)) {
      await tellGroupStaff(tx, ctx, 'reported', now.today, [
        {
          childId,
          childName: `${child.first_name} ${child.last_name}`,
          category: input.category,
          note,
        },
      ]);
    }
    return { days: days.length, reportId };
  });
}

/** Remove an absence of a child of the group: today (at any time of day) or a later day. */
export async function cancelGroupAbsence(ctx: Ctx, groupId: string, absenceId: string) {
  requireRole(ctx, 'daycare_staff');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await myGroup(tx, actor.personId, groupId);
    const row = await tx
      .selectFrom('daycare_absences as a')
      .innerJoin('children as c', 'c.id', 'a.child_id')
      .select([
        'a.id',
        'a.child_id',
        sql<string>`a.absence_date::text`.as('date'),
        'a.category',
        'a.note',
        'a.cancelled_at',
        'c.first_name',
        'c.last_name',
      ])
      .where('a.id', '=', absenceId)
      .forUpdate('a')
      .executeTakeFirst();
    if (!row) throw notFound();
    const placement = placementOn(
      await placementsOf(tx, [row.child_id], row.date, row.date),
      row.child_id,
      row.date,
    );
    if (placement?.group_id !== groupId) throw notFound();
    if (row.cancelled_at !== null) return { cancelled: 0 };
    const now = todayAt(await absenceCutoff(tx));
    if (row.date < now.today) throw new AppError(422, 'absenceStaffPast');
    await tx
      .updateTable('daycare_absences')
      .set({ cancelled_at: sql`now()`, cancelled_by: actor.personId })
      .where('id', '=', row.id)
      .execute();
    await audit(tx, ctx, 'daycare.absence.cancel', `child:${row.child_id}`, {
      days: [row.date],
      byStaff: true,
      groupId,
    });
    if (row.date === now.today) {
      await tellGroupStaff(tx, ctx, 'cancelled', now.today, [
        {
          childId: row.child_id,
          childName: `${row.first_name} ${row.last_name}`,
          category: row.category,
          note: row.note,
        },
      ]);
    }
    return { cancelled: 1 };
  });
}
