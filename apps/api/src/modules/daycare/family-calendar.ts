import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { childrenOf } from '../../platform/family/children.js';
import type { AbsenceCategory } from '../../platform/db/schema.js';
import { addDays, isoWeekday, localToday } from './days.js';
import { EVENT_COLUMNS, eventView } from './events.js';
import './discussions.db.js';

/**
 * A family's daycare calendar: the children's booked discussion times, their absences and
 * the events of their units and groups. The guardian's calendar page and the private calendar
 * feed (bookings/calendar.ts) read the same entries.
 */

export interface CalendarEntry {
  kind: 'discussion' | 'absence' | 'event';
  /** Stable across reads: the booking's, the first absence day's or the event's id. */
  id: string;
  title: string;
  description: string;
  children: string[];
  startDate: string;
  endDate: string;
  /** Instants of a timed entry (discussions, events with times); null for whole days. */
  startsAt: Date | null;
  endsAt: Date | null;
  place: string;
  category: AbsenceCategory | null;
  /** When the entry was made (the feed's DTSTAMP). */
  stamp: Date;
}

/** Helsinki day and time → instant (an event's times are local wall-clock times). */
const moment = sql<Date | null>`case when e.start_time is null then null
  else (e.start_date + e.start_time) at time zone 'Europe/Helsinki' end`;
const momentEnd = sql<Date | null>`case when e.end_time is null then null
  else (e.end_date + e.end_time) at time zone 'Europe/Helsinki' end`;

/** Days of a gap that are all Saturdays or Sundays (an absence range goes over weekends). */
const onlyWeekend = (from: string, to: string) => {
  for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) if (isoWeekday(d) < 6) return false;
  return true;
};

interface AbsenceRow {
  id: string;
  child_id: string;
  report_id: string;
  category: AbsenceCategory;
  reported_at: Date;
  date: string;
}

/**
 * Absence days of one report and child in a row (weekends between) make one entry; a report
 * for several children with the same days is one entry naming them all. `rows` come ordered
 * by child, report and day.
 */
function absenceRanges(rows: AbsenceRow[], nameOf: (childId: string) => string) {
  const runs: { report: string; child: string; entry: CalendarEntry }[] = [];
  for (const a of rows) {
    const last = runs.at(-1);
    if (
      last?.report === a.report_id &&
      last.child === a.child_id &&
      onlyWeekend(last.entry.endDate, a.date)
    ) {
      last.entry.endDate = a.date;
      continue;
    }
    runs.push({
      report: a.report_id,
      child: a.child_id,
      entry: {
        kind: 'absence',
        id: a.id,
        title: '',
        description: '',
        children: [nameOf(a.child_id)],
        startDate: a.date,
        endDate: a.date,
        startsAt: null,
        endsAt: null,
        place: '',
        category: a.category,
        stamp: a.reported_at,
      },
    });
  }
  const merged = new Map<string, CalendarEntry>();
  for (const { report, entry } of runs) {
    const key = `${report}/${entry.startDate}/${entry.endDate}`;
    const same = merged.get(key);
    if (same) same.children.push(...entry.children);
    else merged.set(key, entry);
  }
  return [...merged.values()];
}

export async function familyEntries(
  tx: Tx,
  personId: string,
  from: string,
  to: string,
): Promise<CalendarEntry[]> {
  const children = await childrenOf(tx, personId);
  const ids = children.map((c) => c.id);
  if (ids.length === 0) return [];
  const nameOf = (id: string) => children.find((c) => c.id === id)!.first_name;
  const discussions = await tx
    .selectFrom('discussion_bookings as b')
    .innerJoin('discussion_slots as sl', 'sl.id', 'b.slot_id')
    .innerJoin('discussion_surveys as s', 's.id', 'b.survey_id')
    .innerJoin('people as staff', 'staff.id', 'sl.staff_id')
    .innerJoin('daycare_units as u', 'u.id', 's.unit_id')
    .select([
      'b.id',
      'b.child_id',
      'b.booked_at',
      's.title',
      'u.name as unit_name',
      'sl.starts_at',
      'sl.ends_at',
      'sl.place',
      'staff.name as staff_name',
    ])
    .where('b.child_id', 'in', ids)
    .where('b.cancelled_at', 'is', null)
    .where('sl.cancelled_at', 'is', null)
    .where(
      sql<boolean>`(sl.starts_at at time zone 'Europe/Helsinki')::date between ${from}::date and ${to}::date`,
    )
    .execute();
  const absences = await tx
    .selectFrom('daycare_absences')
    .select(['id', 'child_id', 'report_id', 'category', 'reported_at'])
    .select(sql<string>`absence_date::text`.as('date'))
    .where('child_id', 'in', ids)
    .where('cancelled_at', 'is', null)
    .where('absence_date', '>=', from)
    .where('absence_date', '<=', to)
    .orderBy('child_id')
    .orderBy('report_id')
    .orderBy('absence_date')
    .execute();
  const events = await tx
    .selectFrom('daycare_events as e')
    .innerJoin('daycare_units as u', 'u.id', 'e.unit_id')
    .innerJoin('daycare_placements as p', (join) =>
      join
        .onRef('p.unit_id', '=', 'e.unit_id')
        .on((eb) =>
          eb.or([eb('e.group_id', 'is', null), eb('e.group_id', '=', eb.ref('p.group_id'))]),
        )
        .onRef('p.start_date', '<=', 'e.end_date')
        .on((eb) =>
          eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', eb.ref('e.start_date'))]),
        ),
    )
    .select([...EVENT_COLUMNS, 'p.child_id', 'u.name as unit_name'])
    .select([moment.as('starts_at'), momentEnd.as('ends_at')])
    .where('p.child_id', 'in', ids)
    .where('e.cancelled_at', 'is', null)
    .where('e.end_date', '>=', from)
    .where('e.start_date', '<=', to)
    .execute();

  const entries: CalendarEntry[] = discussions.map((d) => ({
    kind: 'discussion',
    id: d.id,
    title: d.title,
    description: d.staff_name,
    children: [nameOf(d.child_id)],
    startDate: localDay(d.starts_at),
    endDate: localDay(d.ends_at),
    startsAt: d.starts_at,
    endsAt: d.ends_at,
    place: d.place || d.unit_name,
    category: null,
    stamp: d.booked_at,
  }));
  entries.push(...absenceRanges(absences, nameOf));
  const byEvent = new Map<string, CalendarEntry>();
  for (const e of events) {
    const known = byEvent.get(e.id);
    const name = nameOf(e.child_id);
    if (known) {
      if (!known.children.includes(name)) known.children.push(name);
      continue;
    }
    const view = eventView(e);
    byEvent.set(e.id, {
      kind: 'event',
      id: e.id,
      title: view.title,
      description: view.description,
      children: [name],
      startDate: view.startDate,
      endDate: view.endDate,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      place: e.unit_name,
      category: null,
      stamp: e.created_at,
    });
  }
  entries.push(...byEvent.values());
  const sortKey = (e: CalendarEntry) => `${e.startDate} ${e.startsAt?.toISOString() ?? ''}`;
  return entries.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const localDay = (instant: Date) => dayFormat.format(instant);

/** How far ahead the calendar page shows. */
export const CALENDAR_DAYS = 56;

/** The signed-in guardian's calendar from today on. */
export async function getFamilyCalendar(ctx: Ctx) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const today = localToday();
    const to = addDays(today, CALENDAR_DAYS);
    const entries = await familyEntries(tx, actor.personId, today, to);
    await audit(tx, ctx, 'daycare.calendar.read', `person:${actor.personId}`, {
      entries: entries.length,
    });
    return {
      from: today,
      to,
      items: entries.map(({ stamp: _stamp, ...e }) => ({
        ...e,
        startsAt: e.startsAt?.toISOString() ?? null,
        endsAt: e.endsAt?.toISOString() ?? null,
      })),
    };
  });
}
