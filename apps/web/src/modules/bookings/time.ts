import { localeOf } from '../../app/format';
import type { Language } from '../../i18n';

// Facilities keep Helsinki time whatever the browser's own time zone is: every local date
// and clock time here is computed from ISO instants with Intl and timeZone Europe/Helsinki.
export const TIME_ZONE = 'Europe/Helsinki';
const DAY_MS = 24 * 60 * 60 * 1000;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** Minutes since local midnight. */
  minutes: number;
}

export function localParts(instant: Date | number): LocalParts {
  const parts = partsFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  const hour = get('hour') ?? '00';
  const minute = get('minute') ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${hour}:${minute}`,
    minutes: Number(hour) * 60 + Number(minute),
  };
}

export const todayLocal = () => localParts(Date.now()).date;

/** Noon UTC of a local date: safely inside that date in Helsinki for formatting. */
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

export const addDays = (date: string, days: number) =>
  new Date(noon(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string) => ((noon(date).getUTCDay() + 6) % 7) + 1;

export const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));

/** The instant of a Helsinki wall-clock time (date YYYY-MM-DD, time HH:MM). */
export function zonedInstant(date: string, time: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, min);
  const offsetAt = (t: number) => {
    const p = localParts(t);
    const [py = 0, pm = 1, pd = 1] = p.date.split('-').map(Number);
    return Date.UTC(py, pm - 1, pd, 0, p.minutes) - t;
  };
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  return new Date(t);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Ti 25.11." / "Tis 25.11." / "Tue 25 Nov" for a local date. */
export function formatDay(date: string, language: Language): string {
  const d = noon(date);
  const weekday = new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'short',
    timeZone: TIME_ZONE,
  }).format(d);
  if (language === 'en') {
    return new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: TIME_ZONE,
    }).format(d);
  }
  const [, month, day] = date.split('-').map(Number);
  return `${capitalise(weekday.replace(/\.$/, ''))} ${day}.${month}.`;
}

/** A long weekday name (1 = Monday) in the UI language. */
export function weekdayName(weekday: number, language: Language): string {
  // 2024-01-01 was a Monday.
  const date = noon(addDays('2024-01-01', weekday - 1));
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** "HH:MM" as the UI language writes clock times: 9.30 in Finnish and Swedish, 09:30 in English. */
export const formatClock = (time: string, language: Language) =>
  language === 'en' ? time : time.replace(/^0(\d)/, '$1').replace(':', '.');

export const formatTime = (instant: string | number, language: Language) =>
  formatClock(localParts(new Date(instant)).time, language);

const clockWord: Record<Language, string> = { fi: ' klo', sv: ' kl.', en: ',' };

/** "Ti 25.11. klo 10.00–11.30" for a span of instants. */
export function formatSpan(start: string, end: string, language: Language): string {
  const day = formatDay(localParts(new Date(start)).date, language);
  return `${day}${clockWord[language]} ${formatTime(start, language)}–${formatTime(end, language)}`;
}

/** Minutes as "1 h 30 min" (same abbreviations in fi, sv and en). */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** Parses "25.11.2025" (or 2025-11-25) to YYYY-MM-DD. */
export function parseDate(text: string): string | null {
  const fi = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  const [y, m, d] = fi ? [fi[3], fi[2], fi[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return check.toISOString().slice(0, 10) === date ? date : null;
}

/** Parses "9.30", "09:30" or "9" to HH:MM. */
export function parseTime(text: string): string | null {
  const match = /^\s*(\d{1,2})(?:[.:](\d{2}))?\s*$/.exec(text);
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2] ?? '0');
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "klo 18.15" for a time today, "Ti 2.12. klo 18.15" for another day (deadlines of payment). */
export function formatMoment(instant: string, language: Language): string {
  const { date } = localParts(new Date(instant));
  const clock = `${clockWord[language].trim()} ${formatTime(instant, language)}`;
  if (date === todayLocal()) return language === 'en' ? formatTime(instant, language) : clock;
  return `${formatDay(date, language)}${clockWord[language]} ${formatTime(instant, language)}`;
}
