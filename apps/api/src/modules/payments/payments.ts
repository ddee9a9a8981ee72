import { sql } from 'kysely';
import { inTenant, type Database, type Tx } from '../../platform/db/database.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { jobContext } from '../../platform/jobs/context.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import { openCartOf, orderView, placeOrder, reprice } from '../shop/orders.js';
import { fulfilOrder } from '../shop/fulfilment.js';
import { formatEuros } from '../shop/money.js';
import { enqueueEmail } from '../../platform/email/outbox.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import type { PaymentOutcome } from './demo-provider.js';
import type { Config } from '../../config.js';
import { PaytrailClient, PaytrailError } from './paytrail/client.js';
import { invoiceLines } from './invoice-lines.js';
import { receiptPdfPath } from './receipts.js';

/** The receipt by email, in the buyer's language, sent once the payment is recorded. */
export async function sendReceipt(tx: Tx, ctx: Ctx, orderId: string) {
  const order = (await orderView(tx, orderId))!;
  const buyer = await tx
    .selectFrom('people')
    .select(['email', 'language'])
    .where('id', '=', order.personId)
    .executeTakeFirst();
  if (!buyer?.email) return;
  const language = isLanguage(buyer.language) ? buyer.language : 'fi';
  const locale = language === 'en' ? 'en-IE' : `${language}-FI`;
  const euros = (cents: number) => formatEuros(cents, language);
  const percent = (bp: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bp / 100);
  const municipality = ctx.municipality.name[language];
  const text = [
    translate(language, 'email.receipt.intro', { municipality }),
    '',
    // A season's weeks are one line, as on the invoice.
    ...(await invoiceLines(tx, orderId, language)).map(
      (l) => `${l.quantity} × ${l.name}  ${euros(l.totalCents)}`,
    ),
    '',
    translate(language, 'email.receipt.total', { total: euros(order.totalCents) }),
    ...order.vat.map((v) =>
      translate(language, 'email.receipt.vat', {
        rate: percent(v.vatRateBp),
        vat: euros(v.vatCents),
        net: euros(v.netCents),
      }),
    ),
    '',
    `${ctx.baseUrl}/${ctx.municipality.slug}/orders/${order.id}`,
    '',
    translate(language, 'email.receipt.pdf'),
    `${ctx.baseUrl}${receiptPdfPath(ctx, order.id)}`,
    '',
    translate(language, 'email.notification.footer', { municipality }),
  ].join('\n');
  await enqueueEmail(tx, {
    municipalityId: ctx.municipality.id,
    to: buyer.email,
    subject: translate(language, 'email.receipt.subject', { order: order.id.slice(0, 8) }),
    text,
  });
}

export const POLL_PAYMENT = 'payments.poll';
const POLL_EVERY_MS = 15 * 60_000;
/** After a day a payment that never finished is left to staff. */
const POLL_FOR_MS = 24 * 3_600_000;

/**
 * The polling job: a Paytrail payment still open after its callback should have come is asked
 * about; a finished one is settled through the same idempotent path as the callback, an open
 * one is asked about again later.
 */
export function paymentHandlers(
  db: Database,
  options: { payments: Config['payments']; publicUrl: string },
): Record<string, JobHandler> {
  return {
    [POLL_PAYMENT]: async (job) => {
      const { paymentId } = job.payload as { paymentId: string };
      const municipalityId = job.municipality_id!;
      const payment = await inTenant(db, municipalityId, (tx) =>
        tx
          .selectFrom('payments')
          .select(['status', 'provider', 'provider_reference', 'created_at'])
          .where('id', '=', paymentId)
          .executeTakeFirst(),
      );
      if (!payment || payment.status !== 'created' || !payment.provider_reference) return;
      if (payment.provider !== 'paytrail' || !options.payments.paytrail) return;
      const state = await new PaytrailClient(options.payments.paytrail).getPayment(
        payment.provider_reference,
      );
      const ctx = await jobContext(db, municipalityId, options.publicUrl, `job:${job.id}`);
      if (state.status === 'ok' || state.status === 'fail') {
        await settlePayment(ctx, paymentId, state.status === 'ok' ? 'ok' : 'cancel');
      } else if (Date.now() - payment.created_at.getTime() < POLL_FOR_MS) {
        await inTenant(db, municipalityId, (tx) =>
          enqueueJob(
            tx,
            POLL_PAYMENT,
            { paymentId },
            { municipalityId, runAt: new Date(Date.now() + POLL_EVERY_MS) },
          ),
        );
      }
    },
  };
}

/**
 * Check out the cart: the order waits for payment, and the browser goes to the provider.
 * The provider is called after the order's transaction has committed: no database
 * connection waits on the network.
 */
export async function checkout(
  ctx: Ctx,
  baseUrl: string,
  payments: Config['payments'],
  organisationId?: string,
) {
  requireUser(ctx);
  const provider = payments.provider;
  const placed = await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const order = await placeOrder(tx, ctx, organisationId);
    const payment = await tx
      .insertInto('payments')
      .values({
        municipality_id: ctx.municipality.id,
        order_id: order.id,
        provider,
        amount_cents: order.totalCents,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, 'payment.create', `payment:${payment.id}`, {
      orderId: order.id,
      provider,
    });
    const email = (
      await tx
        .selectFrom('people')
        .select('email')
        .where('id', '=', ctx.actor.personId)
        .executeTakeFirst()
    )?.email;
    return { order, paymentId: payment.id, email: email ?? 'noreply@helppo.example' };
  });
  const api = `${baseUrl}/api/${ctx.municipality.slug}/payments`;
  if (provider === 'demo') {
    return {
      orderId: placed.order.id,
      paymentId: placed.paymentId,
      redirectUrl: `${api}/demo/${placed.paymentId}`,
    };
  }
  try {
    const created = await new PaytrailClient(payments.paytrail!).createPayment({
      stamp: placed.paymentId,
      reference: placed.order.id,
      amountCents: placed.order.totalCents,
      language: ctx.language === 'sv' ? 'SV' : ctx.language === 'en' ? 'EN' : 'FI',
      email: placed.email,
      items: placed.order.lines.map((line) => ({
        unitPriceCents: line.unitPriceCents,
        units: line.quantity,
        vatRateBp: line.vatRateBp,
        productCode: (line.productId ?? line.reservationId ?? line.registrationId)!,
        description: line.name,
      })),
      redirectUrls: { success: `${api}/paytrail/return`, cancel: `${api}/paytrail/return` },
      callbackUrls: { success: `${api}/paytrail/callback`, cancel: `${api}/paytrail/callback` },
    });
    await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      await tx
        .updateTable('payments')
        .set({ provider_reference: created.transactionId })
        .where('id', '=', placed.paymentId)
        .execute();
      // If neither the callback nor the buyer comes back, ask Paytrail.
      await enqueueJob(
        tx,
        POLL_PAYMENT,
        { paymentId: placed.paymentId },
        { municipalityId: ctx.municipality.id, runAt: new Date(Date.now() + POLL_EVERY_MS) },
      );
    });
    return { orderId: placed.order.id, paymentId: placed.paymentId, redirectUrl: created.href };
  } catch (error) {
    // The payment never started: the order goes back to being the cart, to try again.
    await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
      await tx
        .updateTable('payments')
        .set({ status: 'failed', settled_at: new Date() })
        .where('id', '=', placed.paymentId)
        .execute();
      await tx
        .updateTable('orders')
        .set({ status: 'cart' })
        .where('id', '=', placed.order.id)
        .where('status', '=', 'pending')
        .execute();
    });
    if (error instanceof PaytrailError) throw new AppError(503, 'paymentProvider');
    throw error;
  }
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
 * A payment given up at the provider leaves what was in the order to be paid again: the order
 * becomes the cart again (held bookings keep their hold until it runs out). If the buyer
 * started a new cart meanwhile, the order is cancelled and its lines join that cart.
 */
async function returnToCart(tx: Tx, orderId: string) {
  const order = await tx
    .selectFrom('orders')
    .innerJoin('people', 'people.id', 'orders.person_id')
    .select([
      'orders.person_id',
      'orders.organisation_id',
      'orders.municipality_id',
      'orders.customer_group',
      'people.language',
    ])
    .where('orders.id', '=', orderId)
    .where('orders.status', '=', 'pending')
    .executeTakeFirst();
  if (!order) return;
  // Bookings and seats whose hold ran out while the payment was open are gone: not back.
  await sql`delete from order_lines l where l.order_id = ${orderId} and (
      (l.reservation_id is not null and not exists (
        select 1 from reservations r where r.id = l.reservation_id and r.status = 'held'))
      or (l.registration_id is not null and not exists (
        select 1 from course_registrations g where g.id = l.registration_id and g.status = 'held')))`.execute(
    tx,
  );
  const language = isLanguage(order.language) ? order.language : 'fi';
  // The same buyer's cart: an organisation's order goes back to the cart filled for it.
  const cart = await openCartOf(
    tx,
    order.municipality_id,
    { personId: order.person_id, organisationId: order.organisation_id },
    order.customer_group,
    false,
  );
  if (!cart) {
    await tx.updateTable('orders').set({ status: 'cart' }).where('id', '=', orderId).execute();
    await reprice(tx, orderId, order.customer_group, language);
    return;
  }
  await tx.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', orderId).execute();
  const lines = await tx
    .selectFrom('order_lines')
    .select(['id', 'product_id', 'quantity'])
    .where('order_id', '=', orderId)
    .execute();
  for (const line of lines) {
    if (!line.product_id) {
      await tx
        .updateTable('order_lines')
        .set({ order_id: cart.id })
        .where('id', '=', line.id)
        .execute();
    } else {
      // The same product in both: the new cart's quantity stands.
      await sql`update order_lines set order_id = ${cart.id} where id = ${line.id}
                and not exists (select 1 from order_lines o
                                where o.order_id = ${cart.id} and o.product_id = ${line.product_id})`.execute(
        tx,
      );
    }
  }
  await reprice(tx, cart.id, cart.customer_group, language);
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
      await fulfilOrder(tx, ctx, payment.order_id);
      await sendReceipt(tx, ctx, payment.order_id);
    } else {
      await returnToCart(tx, payment.order_id);
    }
    await audit(tx, { ...ctx, actor: null }, `payment.${status}`, `payment:${paymentId}`, {
      orderId: payment.order_id,
    });
    return { orderId: payment.order_id, status };
  });
}
