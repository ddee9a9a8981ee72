import { localDate } from '../../platform/i18n/time.js';

/**
 * The experiment clocks of seed 002: "julistakaa 24 tunnissa" – declare within 24 hours of the
 * decision – and be done in 21 days (small) or 105 days (larger). Days are Helsinki dates.
 */

/** Tests set `now` to a moment of their choosing (faking Date would move the database too). */
export const clock = { now: (): Date => new Date() };

export const DECLARE_WITHIN_MS = 24 * 60 * 60 * 1000;

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function addDays(day: string, days: number): string {
  return new Date(toUtc(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** The clocks a decision starts: the declaration deadline and the due date. */
export function startClocks(decidedAt: Date, timeboxDays: number) {
  return {
    declareBy: new Date(decidedAt.getTime() + DECLARE_WITHIN_MS),
    dueDate: addDays(localDate(decidedAt), timeboxDays),
  };
}

export interface ClockInput {
  declare_by: Date;
  declared_at: Date | null;
  due_date: string;
}

/** Where the clocks stand at `now`: days left (negative: days overdue), and what is late. */
export function clockState(experiment: ClockInput, now = clock.now()) {
  const today = localDate(now);
  const daysLeft = daysFrom(today, experiment.due_date);
  return {
    daysLeft,
    overdue: daysLeft < 0,
    declarationLate: experiment.declared_at === null && now > experiment.declare_by,
  };
}

/** "23.11.2026" in Finnish and Swedish, "23/11/2026" in English. */
export function formatDay(language: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return language === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}
