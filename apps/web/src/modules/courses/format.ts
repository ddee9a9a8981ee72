import type { TFunction } from 'i18next';
import type { Course } from '../../api/client';
import type { Language } from '../../i18n';
import { formatMoney } from '../shop/money';
import { formatDay, formatMoment, formatTime, isoWeekday, localParts } from '../bookings/time';

// Courses keep Helsinki time like facilities: dates and clock times come from the bookings
// module's time helpers (Intl with Europe/Helsinki), whatever the browser's own zone is.

/** "15.12.2026" / "15 Dec 2026": a local date with its year. */
export function formatDate(date: string, language: Language): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  if (language !== 'en') return `${d}.${m}.${y}`;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

const clockWord: Record<Language, string> = { fi: 'klo', sv: 'kl.', en: 'at' };

/** "18.12.2026 klo 9.57" / "18.12.2026 kl. 9.57" / "18 Dec 2026 at 09:57", in Helsinki time. */
export function formatDateTimeLong(iso: string, language: Language): string {
  const date = formatDate(localParts(new Date(iso)).date, language);
  return `${date} ${clockWord[language]} ${formatTime(iso, language)}`;
}

/** "Ti 15.12.2026" / "Tue 15 Dec 2026": a local date with its weekday and year. */
export function formatDateWithYear(date: string, language: Language): string {
  const year = date.slice(0, 4);
  return language === 'en'
    ? `${formatDay(date, language)} ${year}`
    : formatDay(date, language) + year;
}

export type Session = Course['sessions'][number];

/** One session: "Ti 15.12.2026 klo 17.00–17.45". */
export function sessionText(session: Session, language: Language, t: TFunction<'courses'>) {
  return t('schedule.session', {
    day: formatDateWithYear(localParts(new Date(session.start)).date, language),
    from: formatTime(session.start, language),
    to: formatTime(session.end, language),
  });
}

/**
 * The schedule in one line: "10 kertaa tiistaisin klo 17.00–17.45, 15.12.2026–16.2.2027" when
 * every session is on the same weekday at the same time, otherwise the count and the dates.
 */
export function sessionsSummary(course: Course, language: Language, t: TFunction<'courses'>) {
  const { sessions } = course;
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  if (!first || !last) return t('schedule.none');
  const days = sessions.map((s) => localParts(new Date(s.start)).date);
  const firstDay = formatDate(days[0]!, language);
  const lastDay = formatDate(days[days.length - 1]!, language);
  const clock = (s: Session) => `${formatTime(s.start, language)}–${formatTime(s.end, language)}`;
  if (sessions.length === 1) return sessionText(first, language, t);
  const weekday = isoWeekday(days[0]!);
  const regular =
    days.every((d) => isoWeekday(d) === weekday) &&
    sessions.every((s) => clock(s) === clock(first));
  return regular
    ? t('schedule.weekly', {
        count: sessions.length,
        weekday: t(`weekdays.${weekday}` as 'weekdays.1'),
        time: clock(first),
        from: firstDay,
        to: lastDay,
      })
    : t('schedule.irregular', { count: sessions.length, from: firstDay, to: lastDay });
}

/** The asker's fee: a price, free, or not offered to their customer group. */
export function priceText(course: Course, language: Language, t: TFunction<'courses'>) {
  if (course.priceCents === null) return t('facts.notForYou');
  if (course.priceCents === 0) return t('facts.free');
  return t('facts.perChild', { price: formatMoney(course.priceCents, language) });
}

/** "3 / 12 vapaana", "Täynnä, jonossa 2", "Täynnä". */
export function seatsText(course: Course, t: TFunction<'courses'>) {
  if (course.seatsLeft > 0) {
    return t('facts.seatsLeft', { count: course.seatsLeft, seats: course.seats });
  }
  return course.waitlist
    ? t('facts.fullWaitlist', { count: course.waitlistLength })
    : t('facts.fullNoWaitlist');
}

/**
 * A deadline or moment inside a sentence: "klo 18.15" today, "su 29.11. klo 18.00" another
 * day (Finnish and Swedish write the weekday in lower case inside a sentence).
 */
export function formatWhen(iso: string, language: Language): string {
  const text = formatMoment(iso, language);
  return language === 'en' ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Milliseconds as a countdown: "2 vrk 5 h", "5 h 07 min", "7 min 09 s", "9 s". Seconds show
 * only in the last hour, when they matter; `dayUnit` is the language's short word for days.
 */
export function formatCountdown(ms: number, dayUnit: string): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d} ${dayUnit} ${h} h`;
  if (h > 0) return `${h} h ${two(m)} min`;
  if (m > 0) return `${m} min ${two(s)} s`;
  return `${s} s`;
}

/** Whole minutes (at least one) until an instant: for "about N minutes". */
export const minutesUntil = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** Age in full years on a local date (as the API counts it for the age limits). */
export function ageOn(birthDate: string, day: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The local date on which the API checks the age limits: the first session's day. */
export const ageDayOf = (course: Course) =>
  localParts(new Date(course.sessions[0]?.start ?? course.registrationClosesAt)).date;
