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
import { buyerFor } from '../organisations/buyer.js';
import { removeReservationsFromCart } from '../shop/cart-items.js';
import {
  checkSlot,
  isOverlap,
  toReservationView,
  type ReservationInput,
} from './bookings.service.js';
import { bookingPrice, holdForPayment, HOLD_MINUTES, refundCancelled } from './booking-payments.js';
import { notifySeries } from './series-notices.js';
import { emailCreditOfOrder } from '../payments/credits.js';

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
 * time, every week until a date, for the booker or for an organisation they act for. Each
 * occurrence is checked on its own — rules and overlaps — and priced on the server like a
 * single booking (bookingPrice, the buyer's group); the free ones are booked together, the
 * others come back as conflicts with the reason. At a priced facility that books at once the
 * weeks are held together in the buyer's cart, to be paid or invoiced as one order; at a
 * facility whose staff approve, the weeks are requested with their price and go to the cart
 * when approved (series-decision.ts).
 */
export async function createReservationSeries(ctx: Ctx, input: SeriesInput) {
  requireUser(ctx);
  const actor = ctx.actor;
  const first = { start: new Date(input.start), end: new Date(input.end) };
  const minutes = (first.end.getTime() - first.start.getTime()) / 60_000;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const buyer = await buyerFor(tx, ctx, input.organisationId);
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
    const heldUntil = new Date(Date.now() + HOLD_MINUTES * 60_000);
    const booked: { id: string; status: string; priceCents: number }[] = [];
    const conflicts: { start: string; end: string; code: ConflictCode }[] = [];
    for (const occurrence of occurrences) {
      // A savepoint per occurrence: one that cannot be booked must not undo the others.
      await sql`savepoint occurrence`.execute(tx);
      try {
        await checkSlot(tx, resource, occurrence.start, occurrence.end, false);
        // A group without a price refuses the whole series (notForSale is not a conflict).
        const price = await bookingPrice(
          tx,
          resource,
          buyer.group,
          occurrence.start,
          occurrence.end,
        );
        const status =
          resource.booking_mode === 'approval'
            ? 'requested'
            : price.priceCents > 0
              ? 'held'
              : 'confirmed';
        const id = await repo.insertReservation(tx, {
          municipalityId: ctx.municipality.id,
          resourceId: resource.id,
          kind: 'booking',
          personId: actor.personId,
          start: occurrence.start,
          end: occurrence.end,
          bufferMinutes: resource.buffer_minutes,
          status,
          purpose: input.purpose ?? '',
          attendees: input.attendees ?? null,
          seriesId,
          heldUntil: status === 'held' ? heldUntil : null,
          ...price,
          organisationId: buyer.organisationId,
          termsVersion,
        });
        booked.push({ id, status, priceCents: price.priceCents });
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
    await holdForPayment(tx, ctx.municipality.id, {
      ids: booked.filter((b) => b.status === 'held').map((b) => b.id),
      personId: actor.personId,
      organisationId: buyer.organisationId,
      heldUntil,
      seriesId,
    });
    for (const { id } of booked) await syncAccessGrant(tx, ctx.municipality.id, id);
    const totalCents = booked.reduce((sum, b) => sum + b.priceCents, 0);
    await audit(tx, ctx, 'reservation.series', `series:${seriesId}`, {
      resourceId: resource.id,
      organisationId: buyer.organisationId,
      booked: booked.length,
      conflicts: conflicts.length,
      totalCents,
    });
    const views = [];
    for (const { id } of booked)
      views.push(toReservationView((await repo.findReservation(tx, id))!, ctx));
    return {
      seriesId: booked.length > 0 ? seriesId : null,
      booked: views,
      conflicts,
      totalCents,
      heldUntil: booked.some((b) => b.status === 'held') ? heldUntil.toISOString() : null,
    };
  });
}

/**
 * Cancel the coming bookings of one's own series; those already past stay as they were. Unpaid
 * held weeks leave the cart; each week already bought is given back by the facility's
 * cancellation rule, counted from that week's start (refundCancelled): money back when the
 * order was paid, a credit on the invoice when it was invoiced and is not paid yet. The booker
 * is told once, with the sum.
 */
export async function cancelReservationSeries(ctx: Ctx, seriesId: string, reason: string) {
  requireUser(ctx);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const weeks = await sql<{
      id: string;
      status: string;
      start: Date;
      end: Date;
      cancel_free_hours: number;
      order_status: string | null;
      name_fi: string;
      name_sv: string;
      name_en: string;
    }>`
      select r.id, r.status, lower(r.during) as start, upper(r.during) as end, s.cancel_free_hours,
             s.name_fi, s.name_sv, s.name_en,
             (select o.status from order_lines l join orders o on o.id = l.order_id
              where l.reservation_id = r.id) as order_status
      from reservations r join resources s on s.id = r.resource_id
      where r.series_id = ${seriesId} and r.person_id = ${actor.personId}
        and r.status in ('held', 'requested', 'confirmed') and lower(r.during) > now()
      order by lower(r.during)
      for update of r`.execute(tx);
    if (weeks.rows.length === 0) {
      const exists = await tx
        .selectFrom('reservations')
        .select('id')
        .where('series_id', '=', seriesId)
        .where('person_id', '=', actor.personId)
        .executeTakeFirst();
      if (!exists) throw notFound();
      return { cancelled: 0, refundedCents: 0, creditedCents: 0 };
    }
    // While a payment is under way the held weeks are the provider's to settle.
    if (weeks.rows.some((w) => w.status === 'held' && w.order_status === 'pending')) {
      throw new AppError(409, 'paymentInProgress');
    }
    const ids = weeks.rows.map((w) => w.id);
    await tx
      .updateTable('reservations')
      .set({
        status: 'cancelled',
        cancel_reason: reason || null,
        cancelled_at: new Date(),
        held_until: null,
      })
      .where('id', 'in', ids)
      .execute();
    for (const id of ids) await syncAccessGrant(tx, ctx.municipality.id, id);
    await removeReservationsFromCart(
      tx,
      weeks.rows.filter((w) => w.status === 'held').map((w) => w.id),
    );
    let refundedCents = 0;
    const credits = new Map<string, number>();
    for (const week of weeks.rows.filter((w) => w.status === 'confirmed')) {
      const back = await refundCancelled(
        tx,
        ctx,
        { reservationId: week.id },
        { start: week.start, cancelFreeHours: week.cancel_free_hours, byStaff: false },
        reason,
        { quiet: true },
      );
      if (back.credit && back.cents > 0) {
        credits.set(back.orderId!, (credits.get(back.orderId!) ?? 0) + back.cents);
      } else refundedCents += back.cents;
    }
    // The invoice's recipient (the organisation's billing email) hears of each credit once.
    let creditedCents = 0;
    for (const [orderId, cents] of credits) {
      await emailCreditOfOrder(tx, ctx, orderId, cents);
      creditedCents += cents;
    }
    await audit(tx, ctx, 'reservation.cancelSeries', `series:${seriesId}`, {
      cancelled: ids.length,
      refundedCents,
      creditedCents,
    });
    if (refundedCents + creditedCents > 0) {
      await notifySeries(
        tx,
        ctx,
        weeks.rows.map((w) => ({
          personId: actor.personId,
          start: w.start,
          end: w.end,
          resource: { fi: w.name_fi, sv: w.name_sv, en: w.name_en },
        })),
        'reservationSeriesCancelled',
        { reason, refundCents: refundedCents + creditedCents, credit: creditedCents > 0 },
      );
    }
    return { cancelled: ids.length, refundedCents, creditedCents };
  });
}
