import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { placeOrder } from '../shop/orders.js';
import type { PaymentOutcome } from './demo-provider.js';

/** Check out the cart: the order waits for payment, and the browser goes to the provider. */
export async function checkout(ctx: Ctx, baseUrl: string) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const order = await placeOrder(tx, ctx);
    const payment = await tx
      .insertInto('payments')
      .values({
        municipality_id: ctx.municipality.id,
        order_id: order.id,
        provider: 'demo',
        amount_cents: order.totalCents,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, 'payment.create', `payment:${payment.id}`, { orderId: order.id });
    return {
      orderId: order.id,
      paymentId: payment.id,
      redirectUrl: `${baseUrl}/api/${ctx.municipality.slug}/payments/demo/${payment.id}`,
    };
  });
}

export async function findPayment(ctx: Ctx, paymentId: string) {
  return inTenant(ctx.db, ctx.municipality.id, (tx) =>
    tx
      .selectFrom('payments')
      .innerJoin('orders', 'orders.id', 'payments.order_id')
      .select([
        'payments.id',
        'payments.order_id',
        'payments.amount_cents',
        'payments.status',
        'payments.provider',
        'orders.person_id',
      ])
      .where('payments.id', '=', paymentId)
      .executeTakeFirst(),
  );
}

/**
 * Settle a payment from a verified provider message. Idempotent: the browser's return and the
 * provider's callback (in either order, any number of times, at the same moment) settle it
 * once; the row lock serialises them and a settled payment is left as it is.
 */
export async function settlePayment(ctx: Ctx, paymentId: string, outcome: PaymentOutcome) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const payment = await tx
      .selectFrom('payments')
      .select(['id', 'order_id', 'status'])
      .where('id', '=', paymentId)
      .forUpdate()
      .executeTakeFirst();
    if (!payment) throw notFound();
    if (payment.status !== 'created') return { orderId: payment.order_id, status: payment.status };
    const status = outcome === 'ok' ? 'paid' : 'cancelled';
    await tx
      .updateTable('payments')
      .set({ status, settled_at: sql`now()` })
      .where('id', '=', paymentId)
      .execute();
    if (status === 'paid') {
      const paid = await tx
        .updateTable('orders')
        .set({ status: 'paid', paid_at: sql`now()` })
        .where('id', '=', payment.order_id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(paid.numUpdatedRows) !== 1) throw new AppError(409, 'conflict');
    } else {
      // A cancelled payment leaves the order to be paid again later.
      await tx
        .updateTable('orders')
        .set({ status: 'cancelled' })
        .where('id', '=', payment.order_id)
        .where('status', '=', 'pending')
        .execute();
    }
    await audit(tx, { ...ctx, actor: null }, `payment.${status}`, `payment:${paymentId}`, {
      orderId: payment.order_id,
    });
    return { orderId: payment.order_id, status };
  });
}
