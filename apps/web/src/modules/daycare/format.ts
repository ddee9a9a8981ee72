import type { DaycareChild } from '../../api/client';
import type { Language } from '../../i18n';
import { addDays, formatDay, isoWeekday } from '../bookings/time';

// Daycare days are Helsinki calendar dates (YYYY-MM-DD); the bookings module's helpers
// format them ("Ma 30.11." / "Mån 30.11." / "Mon 30 Nov").

export const fullName = (child: { firstName: string; lastName: string }) =>
  `${child.firstName} ${child.lastName}`;

/** "Ma 30.11." for one day, "Ma 30.11.–Pe 4.12." for a range. */
export function formatDays(from: string, to: string, language: Language): string {
  return from === to
    ? formatDay(from, language)
    : `${formatDay(from, language)}–${formatDay(to, language)}`;
}

/** The weekdays on which any of the children's units are open (all placed children if none). */
export function openWeekdays(children: DaycareChild[]): Set<number> {
  return new Set(children.flatMap((c) => c.placements.flatMap((p) => p.unit.operationDays)));
}

/** The first day from `from` on when one of the units is open (`from` itself if none is). */
export function nextOpenDay(from: string, weekdays: Set<number>): string {
  if (weekdays.size === 0) return from;
  let day = from;
  while (!weekdays.has(isoWeekday(day))) day = addDays(day, 1);
  return day;
}

/** Consecutive rows of one report for one child, as one entry ("Ma 30.11.–Pe 4.12."). */
export interface AbsenceEntry {
  key: string;
  childId: string;
  from: string;
  to: string;
  days: number;
  category: 'sick' | 'other' | 'holiday';
  note: string;
  /** The days of the entry that can still be cancelled. */
  cancellable: string[];
  /** Recorded by the daycare's staff, not by a guardian. */
  byStaff: boolean;
}

export function absenceEntries(
  items: {
    id: string;
    childId: string;
    date: string;
    category: AbsenceEntry['category'];
    note: string;
    reportId: string;
    canCancel: boolean;
    byStaff?: boolean;
  }[],
): AbsenceEntry[] {
  const entries = new Map<string, AbsenceEntry>();
  for (const a of [...items].sort((x, y) => x.date.localeCompare(y.date))) {
    const key = `${a.reportId}:${a.childId}`;
    const entry = entries.get(key) ?? {
      key,
      childId: a.childId,
      from: a.date,
      to: a.date,
      days: 0,
      category: a.category,
      note: a.note,
      cancellable: [],
      byStaff: Boolean(a.byStaff),
    };
    entry.to = a.date;
    entry.days += 1;
    if (a.canCancel) entry.cancellable.push(a.id);
    entries.set(key, entry);
  }
  return [...entries.values()].sort((x, y) => x.from.localeCompare(y.from));
}
