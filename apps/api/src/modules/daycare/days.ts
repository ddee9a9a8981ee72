import { localDate, localMinuteOfDay } from '../../platform/i18n/time.js';

/**
 * Calendar days (YYYY-MM-DD, no time zone) and the absence cut-off. A daycare day is a local
 * Helsinki date; "now" is the server's clock, read through localDate and localMinuteOfDay.
 */

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * 86_400_000);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function dayCount(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000) + 1;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(toUtc(day)).getUTCDay() + 6) % 7) + 1;
}

/** "09:00" (or "09:00:00", as PostgreSQL gives a time) as minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** "09:00:00" → "09:00". */
export const hhmm = (time: string) => time.slice(0, 5);

/**
 * The daycare's clock. Tests set `now` to a moment of their choosing (faking Date itself would
 * also move the embedded database's clock, and with it every session's expiry).
 */
export const clock = { now: (): Date => new Date() };

/** Today's local date by the daycare's clock. */
export const localToday = () => localDate(clock.now());

export interface Today {
  today: string;
  /** Whether an absence for today can still be reported or cancelled. */
  beforeCutoff: boolean;
}

/** Today in Helsinki and whether the cut-off time (e.g. "09:00") has passed; at 09:00 it has. */
export function todayAt(cutoff: string, now = clock.now()): Today {
  return { today: localDate(now), beforeCutoff: localMinuteOfDay(now) < minutesOf(cutoff) };
}

/** The first day a guardian may still report or cancel: today before the cut-off, else tomorrow. */
export function firstOpenDay({ today, beforeCutoff }: Today): string {
  return beforeCutoff ? today : addDays(today, 1);
}
