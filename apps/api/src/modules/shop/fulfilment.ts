import type { Tx } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/http/context.js';
import { fulfilBookings } from '../bookings/booking-payments.js';
import { notifyBooker } from '../bookings/bookings.service.js';
import { findReservation } from '../bookings/bookings.repo.js';
import { syncAccessGrant } from '../access/access.service.js';
import { fulfilRegistrations } from '../bookings/courses.js';

/**
 * The moment an order becomes binding — paid online, or accepted to be invoiced — the things
 * held in it become the buyer's: held bookings and course seats are confirmed (and the
 * booker told).
 * Runs in the transaction that records the payment or the invoice, so either both happen or
 * neither. Products (tickets, permits) need nothing more than the paid order line.
 */
export async function fulfilOrder(tx: Tx, ctx: Ctx, orderId: string): Promise<void> {
  await fulfilBookings(tx, ctx, orderId, async (row) => {
    // A paid booking of a self-service facility gets its door PIN (told in the confirmation).
    await syncAccessGrant(tx, ctx.municipality.id, row.id);
    await notifyBooker(tx, ctx, (await findReservation(tx, row.id))!, 'reservationConfirmed', '');
  });
  await fulfilRegistrations(tx, ctx, orderId);
}
