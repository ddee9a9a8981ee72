import type { Tx } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/http/context.js';
import { fulfilBookings } from '../bookings/booking-payments.js';
import { notifyBooker } from '../bookings/bookings.service.js';
import type { ReservationRow } from '../bookings/bookings.repo.js';
import { notifySeries } from '../bookings/series-notices.js';
import { syncAccessGrant } from '../access/access.service.js';
import { fulfilRegistrations } from '../bookings/courses.js';

/**
 * The moment an order becomes binding — paid online, or accepted to be invoiced — the things
 * held in it become the buyer's: held bookings and course seats are confirmed (and the
 * booker told: once per booking, or once for a whole season's weeks).
 * Runs in the transaction that records the payment or the invoice, so either both happen or
 * neither. Products (tickets, permits) need nothing more than the paid order line.
 */
export async function fulfilOrder(tx: Tx, ctx: Ctx, orderId: string): Promise<void> {
  const seasons = new Map<string, ReservationRow[]>();
  await fulfilBookings(tx, ctx, orderId, async (row) => {
    // A paid booking of a self-service facility gets its door PIN (told in the confirmation).
    await syncAccessGrant(tx, ctx.municipality.id, row.id);
    if (row.series_id) seasons.set(row.series_id, [...(seasons.get(row.series_id) ?? []), row]);
    else await notifyBooker(tx, ctx, row, 'reservationConfirmed', '');
  });
  for (const weeks of seasons.values()) {
    await notifySeries(
      tx,
      ctx,
      weeks
        .sort((a, b) => a.start.getTime() - b.start.getTime())
        .map((w) => ({
          personId: w.person_id!,
          start: w.start,
          end: w.end,
          resource: { fi: w.name_fi, sv: w.name_sv, en: w.name_en },
        })),
      'reservationSeriesConfirmed',
      { totalCents: weeks.reduce((sum, w) => sum + w.price_cents, 0) },
    );
  }
  await fulfilRegistrations(tx, ctx, orderId);
}
