import { localeOf } from '../../app/format';
import type { Language } from '../../i18n';
import { addDays, TIME_ZONE, todayLocal } from './time';

/** A report period of local dates (YYYY-MM-DD), both days included. */
export interface Period {
  from: string;
  to: string;
}

/** The API accepts at most this many days. */
export const MAX_PERIOD_DAYS = 366;

export const periodDays = ({ from, to }: Period) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** The default: the last four full weeks (28 days) ending yesterday. */
export function lastFourWeeks(today = todayLocal()): Period {
  return { from: addDays(today, -28), to: addDays(today, -1) };
}

/** The previous calendar month. */
export function lastMonth(today = todayLocal()): Period {
  const firstOfThisMonth = `${today.slice(0, 8)}01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

/** From 1 January to yesterday (on 1 January: that day only). */
export function thisYear(today = todayLocal()): Period {
  const from = `${today.slice(0, 4)}-01-01`;
  const yesterday = addDays(today, -1);
  return { from, to: yesterday < from ? from : yesterday };
}

/** "25.11.2025" – the format the date inputs take. */
export function inputDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "1.–28.12.2025" / "1–28 Dec 2025" in the UI language. */
export function formatPeriod({ from, to }: Period, language: Language): string {
  const format = new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: language === 'en' ? 'short' : 'numeric',
    year: 'numeric',
    timeZone: TIME_ZONE,
  });
  return format.formatRange(noon(from), noon(to));
}
