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

/** How many days before the due date an experiment is "due soon" (and its owner reminded). */
export const DUE_SOON_DAYS = 3;

/** The states the lists filter by; an experiment can be in several (due soon and undeclared). */
export const TIMEBOX_STATES = ['running', 'dueSoon', 'overdue', 'undeclared', 'finished'] as const;
export type TimeboxState = (typeof TIMEBOX_STATES)[number];

/**
 * An experiment's states at `now`. Only a running one (its idea still in the experiment stage)
 * can be due soon, overdue or undeclared; one that has left the stage is finished. The SQL
 * filter in ideas.repo.ts (`timeboxCondition`) says the same, and a test holds them together.
 */
export function timeboxStates(
  experiment: ClockInput & { running: boolean },
  now = clock.now(),
): TimeboxState[] {
  if (!experiment.running) return ['finished'];
  const { daysLeft, overdue, declarationLate } = clockState(experiment, now);
  const states: TimeboxState[] = overdue ? ['overdue'] : ['running'];
  if (!overdue && daysLeft <= DUE_SOON_DAYS) states.push('dueSoon');
  if (declarationLate) states.push('undeclared');
  return states;
}

/** "23.11.2026" in Finnish and Swedish, "23/11/2026" in English. */
export function formatDay(language: string, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return language === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}
