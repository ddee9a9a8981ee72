import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import { orderTotals } from './money.js';

/**
 * An order as its buyer and staff see it: lines with their frozen prices, totals and the VAT
 * breakdown, and the organisation it was bought for (null: the person bought for themselves).
 * A booking line carries its weekly series, so that a season can be shown as one.
 */
export async function orderView(tx: Tx, orderId: string) {
  const order = await tx
    .selectFrom('orders')
    .leftJoin('organisations', 'organisations.id', 'orders.organisation_id')
    .select([
      'orders.id',
      'orders.status',
      'orders.customer_group',
      'orders.total_cents',
      'orders.vat_cents',
      'orders.created_at',
      'orders.paid_at',
      'orders.person_id',
      'orders.organisation_id',
      'organisations.name as organisation_name',
    ])
    .where('orders.id', '=', orderId)
    .executeTakeFirst();
  if (!order) return null;
  const lines = await tx
    .selectFrom('order_lines')
    .leftJoin('reservations', 'reservations.id', 'order_lines.reservation_id')
    .select([
      'order_lines.product_id',
      'order_lines.reservation_id',
      'order_lines.registration_id',
      'reservations.series_id',
      'order_lines.name',
      'order_lines.quantity',
      'order_lines.unit_price_cents',
      'order_lines.vat_rate_bp',
      'order_lines.total_cents',
      'order_lines.vat_cents',
    ])
    .where('order_lines.order_id', '=', orderId)
    // Products by name, then bookings in time order (a season's weeks from the first).
    .orderBy(sql`lower(reservations.during) nulls first`)
    .orderBy('order_lines.name')
    .execute();
  const totals = orderTotals(
    lines.map((l) => ({
      unitPriceCents: l.unit_price_cents,
      quantity: l.quantity,
      vatRateBp: l.vat_rate_bp,
    })),
  );
  return {
    id: order.id,
    personId: order.person_id,
    status: order.status,
    customerGroup: order.customer_group,
    organisation:
      order.organisation_id && order.organisation_name
        ? { id: order.organisation_id, name: order.organisation_name }
        : null,
    lines: lines.map((l) => ({
      productId: l.product_id,
      reservationId: l.reservation_id,
      registrationId: l.registration_id,
      seriesId: l.series_id ?? null,
      name: l.name,
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
      vatRateBp: l.vat_rate_bp,
      totalCents: l.total_cents,
      vatCents: l.vat_cents,
    })),
    totalCents: order.total_cents,
    vatCents: order.vat_cents,
    vat: totals.vat,
    createdAt: order.created_at.toISOString(),
    paidAt: order.paid_at?.toISOString() ?? null,
  };
}

export type OrderView = NonNullable<Awaited<ReturnType<typeof orderView>>>;
