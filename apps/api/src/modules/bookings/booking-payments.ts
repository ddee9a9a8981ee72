import { sql } from 'kysely';
import { inTenant, type Database, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import type { Ctx } from '../../platform/http/context.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { jobContext } from '../../platform/jobs/context.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import type { CustomerGroup } from '../../platform/db/schema.js';
import { loadProducts, priceFor } from '../shop/products.js';
import { addReservationsToCart, removeReservationsFromCart } from '../shop/cart-items.js';
import { createRefund } from '../payments/refunds.js';
import * as repo from './bookings.repo.js';

/** Time to pay a booking made at once (the time is taken meanwhile). */
export const HOLD_MINUTES = 15;
/** Time to pay a booking request that staff approved. */
export const APPROVED_PAYMENT_DAYS = 3;
export const RELEASE_HOLD = 'bookings.releaseHold';

/**
 * The price of a booking: the facility's hourly facility-use price for the booker's customer
 * group, times the length in hours, rounded to the cent. Free when the facility has no price.
 * A group without a price cannot book a priced facility.
 */
export async function bookingPrice(
  tx: Tx,
  resource: repo.ResourceRow,
  group: CustomerGroup,
  start: Date,
  end: Date,
): Promise<{ priceCents: number; vatRateBp: number }> {
  if (!resource.price_product_id) return { priceCents: 0, vatRateBp: 0 };
  const [product] = await loadProducts(tx, [resource.price_product_id]);
  const hourly = product ? priceFor(product, group) : null;
  if (!product || hourly === null) throw new AppError(422, 'notForSale');
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  return { priceCents: Math.round((hourly * minutes) / 60), vatRateBp: product.vatRateBp };
}

/**
 * Hold priced bookings for their buyer: into the booker's own cart or the one they fill for
 * their organisation, released if not paid in time. The weeks of a season are held together:
 * one cart repricing and one release job for the series.
 */
export async function holdForPayment(
  tx: Tx,
  municipalityId: string,
  held: {
    ids: string[];
    personId: string;
    organisationId: string | null;
    heldUntil: Date;
    seriesId?: string | null;
  },
) {
  if (held.ids.length === 0) return;
  await addReservationsToCart(
    tx,
    municipalityId,
    { personId: held.personId, organisationId: held.organisationId },
    held.ids,
  );
  await enqueueJob(
    tx,
    RELEASE_HOLD,
    held.seriesId ? { seriesId: held.seriesId } : { reservationId: held.ids[0]! },
    { municipalityId, runAt: held.heldUntil },
  );
}

/**
 * What cancelling a paid booking gives back: everything when staff cancel, or when the booker
 * cancels at least the facility's cancel_free_hours before the start; nothing later.
 */
export function refundOnCancel(
  priceCents: number,
  start: Date,
  cancelFreeHours: number,
  byStaff: boolean,
  now = Date.now(),
): number {
  if (byStaff) return priceCents;
  return start.getTime() - now >= cancelFreeHours * 3_600_000 ? priceCents : 0;
}

/** A booking or a course seat, as an order line refers to it. */
export type PaidItem = { reservationId: string } | { registrationId: string };

/**
 * The binding order a booking or course seat was bought in, if any: paid, or invoiced and not
 * paid yet (then what is given back is a credit on the invoice).
 */
async function paidOrderOf(tx: Tx, item: PaidItem) {
  return tx
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select(['orders.id', 'orders.status', 'order_lines.total_cents'])
    .where(
      'reservationId' in item ? 'order_lines.reservation_id' : 'order_lines.registration_id',
      '=',
      'reservationId' in item ? item.reservationId : item.registrationId,
    )
    .where('orders.status', 'in', ['paid', 'invoiced'])
    .executeTakeFirst();
}

/**
 * Give back for a cancelled booking or course seat bought in a binding order, by the
 * cancellation rule counted from `start` (refundOnCancel): money back when the order was paid,
 * a credit on the invoice when it was invoiced and is not paid yet. `quiet` leaves telling the
 * buyer to the caller (a season's cancellation says it once, not once per week).
 */
export async function refundCancelled(
  tx: Tx,
  ctx: Ctx,
  item: PaidItem,
  rule: { start: Date | null; cancelFreeHours: number; byStaff: boolean },
  reason: string,
  options: { quiet?: boolean } = {},
): Promise<{ cents: number; credit: boolean; orderId: string | null }> {
  const order = await paidOrderOf(tx, item);
  if (!order || !rule.start) return { cents: 0, credit: false, orderId: null };
  const amount = refundOnCancel(order.total_cents, rule.start, rule.cancelFreeHours, rule.byStaff);
  if (amount > 0) {
    await createRefund(
      tx,
      ctx,
      {
        orderId: order.id,
        reservationId: 'reservationId' in item ? item.reservationId : null,
        registrationId: 'registrationId' in item ? item.registrationId : null,
        amountCents: amount,
        reason,
      },
      options,
    );
  }
  return { cents: amount, credit: order.status === 'invoiced', orderId: order.id };
}

/**
 * The bookings of an order become the buyer's when the order is paid: held ones are
 * confirmed. A booking whose hold ran out while the payment was under way is taken again if
 * the time is still free; if someone else took it meanwhile, its price is refunded.
 */
export async function fulfilBookings(
  tx: Tx,
  ctx: Ctx,
  orderId: string,
  notify: (row: repo.ReservationRow) => Promise<void>,
) {
  const lines = await tx
    .selectFrom('order_lines')
    .select(['reservation_id', 'total_cents'])
    .where('order_id', '=', orderId)
    .where('reservation_id', 'is not', null)
    .execute();
  for (const line of lines) {
    const id = line.reservation_id!;
    const row = await repo.findReservation(tx, id, true);
    if (!row) continue;
    if (row.status === 'held' || row.status === 'cancelled') {
      await sql`savepoint fulfil_booking`.execute(tx);
      try {
        await tx
          .updateTable('reservations')
          .set({ status: 'confirmed', held_until: null, cancel_reason: null, cancelled_at: null })
          .where('id', '=', id)
          .execute();
        await sql`release savepoint fulfil_booking`.execute(tx);
        await audit(tx, ctx, 'reservation.paid', `reservation:${id}`, { orderId });
        await notify((await repo.findReservation(tx, id))!);
      } catch (error) {
        if ((error as { code?: string }).code !== '23P01') throw error;
        await sql`rollback to savepoint fulfil_booking`.execute(tx);
        await createRefund(tx, ctx, {
          orderId,
          reservationId: id,
          amountCents: line.total_cents,
          reason: 'slotLost',
        });
      }
    }
  }
}

/**
 * The hold job: at the end of the hold the bookings still unpaid are cancelled and leave the
 * cart, so the time is free again. One job serves a single booking ({ reservationId }) or all
 * the held weeks of a season ({ seriesId }). A hold extended at checkout is looked at again
 * then.
 */
export function bookingHandlers(
  db: Database,
  options: { publicUrl: string },
): Record<string, JobHandler> {
  return {
    [RELEASE_HOLD]: async (job) => {
      const payload = job.payload as { reservationId?: string; seriesId?: string };
      const municipalityId = job.municipality_id!;
      const ctx = await jobContext(db, municipalityId, options.publicUrl, `job:${job.id}`);
      await inTenant(db, municipalityId, async (tx) => {
        const held = await sql<{ id: string; held_until: Date; language: string }>`
          select r.id, r.held_until, p.language
          from reservations r join people p on p.id = r.person_id
          where r.status = 'held'
            and (r.id = ${payload.reservationId ?? null} or r.series_id = ${payload.seriesId ?? null})
          order by r.id
          for update of r`.execute(tx);
        const now = Date.now();
        const later = held.rows.filter((r) => r.held_until.getTime() > now);
        if (later.length > 0) {
          const runAt = new Date(Math.min(...later.map((r) => r.held_until.getTime())));
          await enqueueJob(tx, RELEASE_HOLD, payload, { municipalityId, runAt });
        }
        const due = held.rows.filter((r) => r.held_until.getTime() <= now);
        if (due.length === 0) return;
        const language = isLanguage(due[0]!.language) ? due[0]!.language : 'fi';
        await tx
          .updateTable('reservations')
          .set({
            status: 'cancelled',
            held_until: null,
            cancel_reason: translate(language, 'reservation.holdExpired'),
            cancelled_at: sql`now()`,
          })
          .where(
            'id',
            'in',
            due.map((r) => r.id),
          )
          .execute();
        await removeReservationsFromCart(
          tx,
          due.map((r) => r.id),
        );
        for (const { id } of due) {
          await audit(tx, ctx, 'reservation.holdExpired', `reservation:${id}`);
        }
      });
    },
  };
}
