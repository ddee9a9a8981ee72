import { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import type { Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/http/context.js';
import { translate, type Language } from '../../platform/i18n/messages.js';
import { addDays, localToday } from './days.js';
import { familyEntries } from './family-calendar.js';

/** How far back and ahead the private feed carries daycare entries. */
const FEED_DAYS_BACK = 30;
const FEED_DAYS_AHEAD = 365;

const dateOnly = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Add a person's family daycare calendar to their private calendar feed: booked discussion
 * times and timed events at their instants (UTC, like the bookings), absences and events
 * without times as whole days (DTEND the day after, as RFC 5545 has it). UIDs are the rows'
 * ids, so a calendar app updates an entry in place instead of duplicating it.
 */
export async function addFamilyCalendar(
  tx: Tx,
  ctx: Ctx,
  calendar: ICalCalendar,
  personId: string,
  language: Language,
  link: string,
) {
  const today = localToday();
  const entries = await familyEntries(
    tx,
    personId,
    addDays(today, -FEED_DAYS_BACK),
    addDays(today, FEED_DAYS_AHEAD),
  );
  // The feed is read with the secret address only (no actor): the record names the person.
  await audit(tx, ctx, 'daycare.calendarFeed.read', `person:${personId}`, {
    entries: entries.length,
  });
  for (const e of entries) {
    const children = e.children.join(', ');
    const summary =
      e.kind === 'absence'
        ? translate(language, 'calendar.absence', {
            children,
            category: translate(language, `daycare.category.${e.category}`),
          })
        : e.kind === 'discussion'
          ? translate(language, 'calendar.discussion', { title: e.title, children })
          : e.title;
    const timed = e.startsAt && e.endsAt;
    calendar.createEvent({
      id: `daycare-${e.kind}-${e.id}@helppo`,
      ...(timed
        ? { start: e.startsAt!, end: e.endsAt! }
        : { start: dateOnly(e.startDate), end: dateOnly(addDays(e.endDate, 1)), allDay: true }),
      summary,
      description:
        e.kind === 'discussion'
          ? translate(language, 'calendar.discussionWith', { staff: e.description })
          : e.description || null,
      location: e.place || null,
      status: ICalEventStatus.CONFIRMED,
      url: `${link}/daycare/calendar`,
      stamp: e.stamp,
    });
  }
}
