import ical, { ICalEventStatus } from 'ical-generator';
import { randomBytes } from 'node:crypto';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { hashToken } from '../../platform/auth/session.repo.js';
import { notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import type { Language } from '../../platform/i18n/messages.js';
import * as repo from './bookings.repo.js';
import { addFamilyCalendar } from '../daycare/family-feed.js';

const STATUS: Record<string, ICalEventStatus> = {
  confirmed: ICalEventStatus.CONFIRMED,
  requested: ICalEventStatus.TENTATIVE,
  held: ICalEventStatus.TENTATIVE,
  denied: ICalEventStatus.CANCELLED,
  cancelled: ICalEventStatus.CANCELLED,
};

/** iCalendar (RFC 5545) of reservations; times in UTC, which every calendar app converts. */
function toCalendar(
  ctx: Ctx,
  name: string,
  rows: repo.ReservationRow[],
  language: Language,
  baseUrl: string,
) {
  return reservationsCalendar(ctx, name, rows, language, baseUrl).toString();
}

function reservationsCalendar(
  ctx: Ctx,
  name: string,
  rows: repo.ReservationRow[],
  language: Language,
  baseUrl: string,
) {
  const calendar = ical({
    name,
    prodId: { company: 'Helppo', product: 'bookings', language: language.toUpperCase() },
  });
  for (const row of rows) {
    const resource = { fi: row.name_fi, sv: row.name_sv, en: row.name_en }[language];
    calendar.createEvent({
      id: `${row.id}@helppo`,
      start: row.start,
      end: row.end,
      summary: row.purpose ? `${resource}: ${row.purpose}` : resource,
      location: row.location,
      status: STATUS[row.status],
      url: `${baseUrl}/${ctx.municipality.slug}/bookings/mine`,
      stamp: row.created_at,
    });
  }
  return calendar;
}

export async function reservationCalendar(ctx: Ctx, reservationId: string, baseUrl: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.findReservation(tx, reservationId);
    if (!row || row.person_id !== actor.personId) throw notFound();
    return toCalendar(ctx, ctx.municipality.name[ctx.language], [row], ctx.language, baseUrl);
  });
}

/** A new secret feed address for the person (an old one stops working). */
export async function createCalendarFeed(ctx: Ctx, baseUrl: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  const token = randomBytes(24).toString('base64url');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await tx
      .insertInto('calendar_feeds')
      .values({
        municipality_id: ctx.municipality.id,
        person_id: actor.personId,
        token_hash: hashToken(token),
      })
      .onConflict((oc) =>
        oc
          .columns(['municipality_id', 'person_id'])
          .doUpdateSet({ token_hash: hashToken(token), created_at: new Date() }),
      )
      .execute();
    await audit(tx, ctx, 'calendarFeed.create', `person:${actor.personId}`);
  });
  const url = `${baseUrl}/api/${ctx.municipality.slug}/calendar-feeds/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}

/**
 * The feed behind a secret address: the person's bookings from 30 days back onwards, and
 * their family's daycare calendar (discussion times, absences, events).
 */
export async function calendarFeed(ctx: Ctx, token: string, baseUrl: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const feed = await tx
      .selectFrom('calendar_feeds')
      .innerJoin('people', 'people.id', 'calendar_feeds.person_id')
      .select(['calendar_feeds.person_id', 'people.language'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!feed) throw notFound();
    const since = Date.now() - 30 * 24 * 60 * 60 * 1000;
    const rows = (await repo.reservationsOfPerson(tx, feed.person_id)).filter(
      (row) => row.end.getTime() >= since && row.status !== 'denied',
    );
    const language = (['fi', 'sv', 'en'] as const).find((l) => l === feed.language) ?? 'fi';
    const calendar = reservationsCalendar(
      ctx,
      ctx.municipality.name[language],
      rows,
      language,
      baseUrl,
    );
    await addFamilyCalendar(
      tx,
      ctx,
      calendar,
      feed.person_id,
      language,
      `${baseUrl}/${ctx.municipality.slug}`,
    );
    return calendar.toString();
  });
}
