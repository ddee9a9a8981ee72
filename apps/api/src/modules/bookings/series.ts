import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { localDate, localMinuteOfDay } from '../../platform/i18n/time.js';
import * as repo from './bookings.repo.js';
import { acceptedTermsVersion } from './terms.js';
import { syncAccessGrant } from '../access/access.service.js';
import {
  checkSlot,
  isOverlap,
  toReservationView,
  type ReservationInput,
} from './bookings.service.js';

/** Why one week of a series could not be booked. */
export const CONFLICT_CODES = [
  'slotTaken',
  'outsideOpeningHours',
  'bookingWindow',
  'invalidSlot',
] as const;
type ConflictCode = (typeof CONFLICT_CODES)[number];
const conflictCode = (error: unknown): ConflictCode | null =>
  isOverlap(error)
    ? 'slotTaken'
    : error instanceof AppError && (CONFLICT_CODES as readonly string[]).includes(error.code)
      ? (error.code as ConflictCode)
      : null;

/** A season of Tuesdays is about 40 weeks; a year is the most one series covers. */
const MAX_OCCURRENCES = 53;

export interface SeriesInput extends ReservationInput {
  /** The last local date an occurrence may fall on (YYYY-MM-DD). */
  until: string;
}

/**
 * Weekly recurring booking (an association's season): the first booking's local weekday and
 * time, every week until a date. Each occurrence is checked on its own — rules and overlaps —
 * and the free ones are booked together; the others come back as conflicts with the reason.
 */
export async function createReservationSeries(ctx: Ctx, input: SeriesInput) {
  requireUser(ctx);
  const actor = ctx.actor;
  const first = { start: new Date(input.start), end: new Date(input.end) };
  const minutes = (first.end.getTime() - first.start.getTime()) / 60_000;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const resource = await repo.findResource(tx, input.resourceId);
    if (!resource) throw notFound();
    const occurrences = await repo.weeklyOccurrences(
      tx,
      localDate(first.start),
      localMinuteOfDay(first.start),
      minutes,
      input.until,
    );
    if (occurrences.length === 0 || occurrences.length > MAX_OCCURRENCES) {
      throw new AppError(422, 'seriesLength', { max: MAX_OCCURRENCES });
    }
    const termsVersion = await acceptedTermsVersion(tx, resource.id, input.termsVersion);
    const seriesId = randomUUID();
    const booked: string[] = [];
    const conflicts: { start: string; end: string; code: ConflictCode }[] = [];
    for (const occurrence of occurrences) {
      // A savepoint per occurrence: one that cannot be booked must not undo the others.
      await sql`savepoint occurrence`.execute(tx);
      try {
        await checkSlot(tx, resource, occurrence.start, occurrence.end, false);
        booked.push(
          await repo.insertReservation(tx, {
            municipalityId: ctx.municipality.id,
            resourceId: resource.id,
            kind: 'booking',
            personId: actor.personId,
            start: occurrence.start,
            end: occurrence.end,
            bufferMinutes: resource.buffer_minutes,
            status: resource.booking_mode === 'instant' ? 'confirmed' : 'requested',
            purpose: input.purpose ?? '',
            attendees: input.attendees ?? null,
            seriesId,
            termsVersion,
          }),
        );
        await sql`release savepoint occurrence`.execute(tx);
      } catch (error) {
        await sql`rollback to savepoint occurrence`.execute(tx);
        const code = conflictCode(error);
        if (!code) throw error;
        conflicts.push({
          start: occurrence.start.toISOString(),
          end: occurrence.end.toISOString(),
          code,
        });
      }
    }
    for (const id of booked) await syncAccessGrant(tx, ctx.municipality.id, id);
    await audit(tx, ctx, 'reservation.series', `series:${seriesId}`, {
      resourceId: resource.id,
      booked: booked.length,
      conflicts: conflicts.length,
    });
    const views = [];
    for (const id of booked)
      views.push(toReservationView((await repo.findReservation(tx, id))!, ctx));
    return { seriesId: booked.length > 0 ? seriesId : null, booked: views, conflicts };
  });
}

/** Cancel the coming bookings of one's own series; those already past stay as they were. */
export async function cancelReservationSeries(ctx: Ctx, seriesId: string, reason: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const result = await sql<{ id: string }>`
      update reservations set status = 'cancelled', cancel_reason = ${reason || null}, cancelled_at = now()
      where series_id = ${seriesId} and person_id = ${actor.personId}
        and status in ('requested', 'confirmed') and lower(during) > now()
      returning id`.execute(tx);
    if (result.rows.length === 0) {
      const exists = await tx
        .selectFrom('reservations')
        .select('id')
        .where('series_id', '=', seriesId)
        .where('person_id', '=', actor.personId)
        .executeTakeFirst();
      if (!exists) throw notFound();
    }
    for (const { id } of result.rows) await syncAccessGrant(tx, ctx.municipality.id, id);
    await audit(tx, ctx, 'reservation.cancelSeries', `series:${seriesId}`, {
      cancelled: result.rows.length,
    });
    return { cancelled: result.rows.length };
  });
}
