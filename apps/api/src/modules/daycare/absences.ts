import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import type { AbsenceCategory } from '../../platform/db/schema.js';
import { audit, auditEach } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { childrenOf } from '../../platform/family/children.js';
import type { Language } from '../../platform/i18n/messages.js';
import { absenceCutoff, placementOn, placementsOf } from './daycare.repo.js';
import { addDays, daysBetween, firstOpenDay, isoWeekday, todayAt } from './days.js';
import { tellGroupStaff } from './absences.notify.js';

export interface AbsenceInput {
  childIds: string[];
  startDate: string;
  endDate: string;
  category: AbsenceCategory;
  note: string;
}

export interface AbsenceView {
  id: string;
  childId: string;
  date: string;
  category: AbsenceCategory;
  note: string;
  reportId: string;
  canCancel: boolean;
  byStaff: boolean;
}

/** How far ahead absences (a summer holiday, say) can be reported. */
export const MAX_DAYS_AHEAD = 365;

/** The cut-off as people write it: "9.00" in Finnish and Swedish, "9:00" in English. */
export function formatCutoff(language: Language, cutoff: string): string {
  const [h, m] = cutoff.split(':');
  return `${Number(h)}${language === 'en' ? ':' : '.'}${m}`;
}

const COLUMNS = [
  'a.id',
  'a.child_id',
  sql<string>`a.absence_date::text`.as('date'),
  'a.category',
  'a.note',
  'a.report_id',
  'a.reported_by_staff',
] as const;

type Row = {
  id: string;
  child_id: string;
  date: string;
  category: AbsenceCategory;
  note: string;
  report_id: string;
  reported_by_staff: boolean;
};
const toView = (row: Row, openFrom: string): AbsenceView => ({
  id: row.id,
  childId: row.child_id,
  date: row.date,
  category: row.category,
  note: row.note,
  reportId: row.report_id,
  canCancel: row.date >= openFrom,
  byStaff: row.reported_by_staff,
});

/**
 * A guardian reports one or several of their children absent for a day or a date range. A row
 * is written for each day the child is placed in a unit that is open that day; a day already
 * reported takes the new category and note. Today can be reported until the municipality's
 * cut-off time; all children succeed or none is written.
 */
export async function reportAbsence(ctx: Ctx, input: AbsenceInput) {
  requireUser(ctx);
  const actor = ctx.actor;
  const childIds = [...new Set(input.childIds)];
  const { startDate, endDate } = input;
  if (endDate < startDate) throw new AppError(422, 'absenceRange');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const children = await childrenOf(tx, actor.personId, childIds);
    if (children.length !== childIds.length) throw notFound();
    const cutoff = await absenceCutoff(tx);
    const now = todayAt(cutoff);
    if (startDate < now.today) throw new AppError(422, 'absencePast');
    if (startDate === now.today && !now.beforeCutoff) {
      throw new AppError(422, 'absenceCutoff', { time: formatCutoff(ctx.language, cutoff) });
    }
    if (endDate > addDays(now.today, MAX_DAYS_AHEAD)) {
      throw new AppError(422, 'absenceTooFar', { days: MAX_DAYS_AHEAD });
    }
    const placements = await placementsOf(tx, childIds, startDate, endDate);
    const reportId = randomUUID();
    const note = input.note.trim();
    const rows = children.flatMap((child) => {
      const days = daysBetween(startDate, endDate).filter((day) =>
        placementOn(placements, child.id, day)?.operation_days.includes(isoWeekday(day)),
      );
      if (days.length === 0) throw new AppError(422, 'absenceNoDays', { child: child.first_name });
      return days.map((day) => ({
        municipality_id: ctx.municipality.id,
        child_id: child.id,
        absence_date: day,
        category: input.category,
        note,
        report_id: reportId,
        reported_by: actor.personId,
      }));
    });
    const written = await tx
      .insertInto('daycare_absences')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['child_id', 'absence_date'])
          .where('cancelled_at', 'is', null)
          .doUpdateSet((eb) => ({
            category: eb.ref('excluded.category'),
            note: eb.ref('excluded.note'),
            report_id: eb.ref('excluded.report_id'),
            reported_by: eb.ref('excluded.reported_by'),
            reported_by_staff: false,
            reported_at: sql`now()`,
          })),
      )
      .returning([
        'id',
        'child_id',
        sql<string>`absence_date::text`.as('date'),
        'category',
        'note',
        'report_id',
        'reported_by_staff',
      ])
      .execute();
    await auditEach(
      tx,
      children.map((child) => ({
        ctx,
        action: 'daycare.absence.report',
        target: `child:${child.id}`,
        details: {
          reportId,
          from: startDate,
          to: endDate,
          category: input.category,
          days: rows.filter((r) => r.child_id === child.id).length,
        },
      })),
    );
    await tellGroupStaff(
      tx,
      ctx,
      'reported',
      now.today,
      children
        .filter((child) =>
          rows.some((r) => r.child_id === child.id && r.absence_date === now.today),
        )
        .map((child) => ({
          childId: child.id,
          childName: `${child.first_name} ${child.last_name}`,
          category: input.category,
          note,
        })),
    );
    const openFrom = firstOpenDay(now);
    return written
      .sort((a, b) => a.date.localeCompare(b.date) || a.child_id.localeCompare(b.child_id))
      .map((row) => toView(row, openFrom));
  });
}

/** The active absences of the guardian's children from today on, by date. */
export async function listMyAbsences(ctx: Ctx) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const now = todayAt(await absenceCutoff(tx));
    const rows = await tx
      .selectFrom('daycare_absences as a')
      .innerJoin('guardianships as g', 'g.child_id', 'a.child_id')
      .select(COLUMNS)
      .where('g.person_id', '=', actor.personId)
      .where('a.cancelled_at', 'is', null)
      .where('a.absence_date', '>=', now.today)
      .orderBy('a.absence_date')
      .orderBy('a.child_id')
      .limit(2000)
      .execute();
    await audit(tx, ctx, 'daycare.absence.list', null, {
      children: new Set(rows.map((r) => r.child_id)).size,
      count: rows.length,
    });
    const openFrom = firstOpenDay(now);
    return rows.map((row) => toView(row, openFrom));
  });
}

/**
 * A guardian cancels absences of their children: days after today, and today itself until the
 * cut-off. All or none; absences cancelled already stay as they are.
 */
export async function cancelAbsences(ctx: Ctx, absenceIds: string[]) {
  requireUser(ctx);
  const actor = ctx.actor;
  const ids = [...new Set(absenceIds)];
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await tx
      .selectFrom('daycare_absences as a')
      .innerJoin('guardianships as g', 'g.child_id', 'a.child_id')
      .innerJoin('children as c', 'c.id', 'a.child_id')
      .select([...COLUMNS, 'a.cancelled_at', 'c.first_name', 'c.last_name'])
      .where('g.person_id', '=', actor.personId)
      .where('a.id', 'in', ids)
      .forUpdate('a')
      .execute();
    if (rows.length !== ids.length) throw notFound();
    const cutoff = await absenceCutoff(tx);
    const now = todayAt(cutoff);
    const active = rows.filter((r) => r.cancelled_at === null);
    if (active.some((r) => r.date < firstOpenDay(now))) {
      throw new AppError(422, 'absenceLocked', { time: formatCutoff(ctx.language, cutoff) });
    }
    if (active.length === 0) return { cancelled: 0 };
    await tx
      .updateTable('daycare_absences')
      .set({ cancelled_at: sql`now()`, cancelled_by: actor.personId })
      .where(
        'id',
        'in',
        active.map((r) => r.id),
      )
      .execute();
    const byChild = new Map<string, typeof active>();
    for (const r of active) byChild.set(r.child_id, [...(byChild.get(r.child_id) ?? []), r]);
    await auditEach(
      tx,
      [...byChild].map(([childId, list]) => ({
        ctx,
        action: 'daycare.absence.cancel',
        target: `child:${childId}`,
        details: { days: list.map((r) => r.date) },
      })),
    );
    await tellGroupStaff(
      tx,
      ctx,
      'cancelled',
      now.today,
      active
        .filter((r) => r.date === now.today)
        .map((r) => ({
          childId: r.child_id,
          childName: `${r.first_name} ${r.last_name}`,
          category: r.category,
          note: r.note,
        })),
    );
    return { cancelled: active.length };
  });
}
