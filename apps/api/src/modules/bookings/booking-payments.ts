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
import { addReservationToCart, removeReservationFromCart } from '../shop/orders.js';
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

/** Hold a priced booking for its booker: into their cart, released if not paid in time. */
export async function holdForPayment(
  tx: Tx,
  municipalityId: string,
  reservation: { id: string; personId: string; heldUntil: Date },
) {
  await addReservationToCart(tx, municipalityId, reservation.personId, reservation.id);
  await enqueueJob(
    tx,
    RELEASE_HOLD,
    { reservationId: reservation.id },
    { municipalityId, runAt: reservation.heldUntil },
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

/** The paid order a booking or course seat was bought in, if any. */
async function paidOrderOf(tx: Tx, item: PaidItem) {
  return tx
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select(['orders.id', 'order_lines.total_cents'])
    .where(
      'reservationId' in item ? 'order_lines.reservation_id' : 'order_lines.registration_id',
      '=',
      'reservationId' in item ? item.reservationId : item.registrationId,
    )
    .where('orders.status', '=', 'paid')
    .executeTakeFirst();
}

/**
 * Refund a cancelled booking or course seat bought in a paid order, by the cancellation rule
 * counted from `start` (refundOnCancel); returns the amount refunded.
 */
export async function refundCancelled(
  tx: Tx,
  ctx: Ctx,
  item: PaidItem,
  rule: { start: Date | null; cancelFreeHours: number; byStaff: boolean },
  reason: string,
): Promise<number> {
  const order = await paidOrderOf(tx, item);
  if (!order || !rule.start) return 0;
  const amount = refundOnCancel(order.total_cents, rule.start, rule.cancelFreeHours, rule.byStaff);
  if (amount > 0) {
    await createRefund(tx, ctx, {
      orderId: order.id,
      reservationId: 'reservationId' in item ? item.reservationId : null,
      registrationId: 'registrationId' in item ? item.registrationId : null,
      amountCents: amount,
      reason,
    });
  }
  return amount;
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
 * The hold job: at the end of the hold a booking that is still unpaid is cancelled and leaves
 * the cart, so the time is free again. A hold extended at checkout is looked at again then.
 */
export function bookingHandlers(
  db: Database,
  options: { publicUrl: string },
): Record<string, JobHandler> {
  return {
    [RELEASE_HOLD]: async (job) => {
      const { reservationId } = job.payload as { reservationId: string };
      const municipalityId = job.municipality_id!;
      const ctx = await jobContext(db, municipalityId, options.publicUrl, `job:${job.id}`);
      await inTenant(db, municipalityId, async (tx) => {
        const row = await tx
          .selectFrom('reservations')
          .innerJoin('people', 'people.id', 'reservations.person_id')
          .select(['reservations.status', 'reservations.held_until', 'people.language'])
          .where('reservations.id', '=', reservationId)
          .forUpdate()
          .executeTakeFirst();
        if (!row || row.status !== 'held') return;
        if (row.held_until!.getTime() > Date.now()) {
          await enqueueJob(
            tx,
            RELEASE_HOLD,
            { reservationId },
            { municipalityId, runAt: row.held_until! },
          );
          return;
        }
        const language = isLanguage(row.language) ? row.language : 'fi';
        await tx
          .updateTable('reservations')
          .set({
            status: 'cancelled',
            held_until: null,
            cancel_reason: translate(language, 'reservation.holdExpired'),
            cancelled_at: sql`now()`,
          })
          .where('id', '=', reservationId)
          .execute();
        await removeReservationFromCart(tx, reservationId);
        await audit(tx, ctx, 'reservation.holdExpired', `reservation:${reservationId}`);
      });
    },
  };
}
