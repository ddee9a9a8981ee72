/** The municipality's clock: all local times (opening hours, slot starts) are Helsinki time. */
export const TIME_ZONE = 'Europe/Helsinki';

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Minutes since local midnight of an instant. */
export function localMinuteOfDay(instant: Date): number {
  const parts = clock.formatToParts(instant);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return hour * 60 + minute;
}

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date): string {
  return dateFormat.format(instant);
}

/** "28.11.2026 klo 18.00–20.00" style span of a booking, in the reader's language. */
export function formatTimeSpan(language: string, start: Date, end: Date): string {
  const day = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: TIME_ZONE });
  return `${day.format(start)}–${time.format(end)}`;
}
