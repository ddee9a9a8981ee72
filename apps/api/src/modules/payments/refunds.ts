import { sql } from 'kysely';
import { inTenant, type Database, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import type { Ctx } from '../../platform/http/context.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import type { Job, JobHandler } from '../../platform/jobs/worker.js';
import { enqueueEmail } from '../../platform/email/outbox.js';
import { isLanguage, translate, type Language } from '../../platform/i18n/messages.js';
import { formatEuros } from '../shop/money.js';
import type { Config } from '../../config.js';
import { PaytrailClient } from './paytrail/client.js';
import { createCredit } from './credits.js';

export const SEND_REFUND = 'payments.refund';

/**
 * Give money back for an order (all of a cancelled booking, or what the cancellation rule
 * gives, a course fee). Recorded in the caller's transaction; the provider is called by a job after the
 * commit, retried while it fails. Under the order's row lock the refunds of an order never add
 * up to more than was paid; a booking or a course seat is refunded at most once (unique index).
 * An order invoiced and not paid yet gets a credit on its invoice instead (credits.ts).
 * `quiet`: the caller tells the buyer itself (the refund job sends no email).
 */
export async function createRefund(
  tx: Tx,
  ctx: Ctx,
  refund: {
    orderId: string;
    reservationId: string | null;
    registrationId?: string | null;
    amountCents: number;
    reason: string;
  },
  options: { quiet?: boolean } = {},
): Promise<string> {
  const order = await tx
    .selectFrom('orders')
    .select(['id', 'status'])
    .where('id', '=', refund.orderId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (order.status === 'invoiced') {
    return createCredit(
      tx,
      ctx,
      { ...refund, registrationId: refund.registrationId ?? null },
      options,
    );
  }
  const paid = await tx
    .selectFrom('payments')
    .select(['provider', 'amount_cents'])
    .where('order_id', '=', refund.orderId)
    .where('status', '=', 'paid')
    .executeTakeFirst();
  if (!paid) throw new AppError(409, 'notPaid');
  // Credits were taken off the invoice before it was paid: the payment does not include them.
  const { refunded } = await tx
    .selectFrom('refunds')
    .select(sql<number>`coalesce(sum(amount_cents), 0)::int`.as('refunded'))
    .where('order_id', '=', refund.orderId)
    .where('status', '!=', 'failed')
    .where('kind', '=', 'refund')
    .executeTakeFirstOrThrow();
  if (refunded + refund.amountCents > paid.amount_cents) throw new AppError(409, 'refundTooLarge');
  const { id } = await tx
    .insertInto('refunds')
    .values({
      municipality_id: ctx.municipality.id,
      order_id: refund.orderId,
      reservation_id: refund.reservationId,
      registration_id: refund.registrationId ?? null,
      amount_cents: refund.amountCents,
      reason: refund.reason,
      provider: paid.provider,
      created_by: ctx.actor?.personId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(
    tx,
    SEND_REFUND,
    options.quiet ? { refundId: id, quiet: true } : { refundId: id },
    { municipalityId: ctx.municipality.id },
  );
  await audit(tx, ctx, 'refund.create', `refund:${id}`, {
    orderId: refund.orderId,
    amountCents: refund.amountCents,
  });
  return id;
}

/** Tell the buyer, in their language, that money is coming back. */
async function emailRefund(
  tx: Tx,
  municipality: { id: string; name: Record<Language, string> },
  refundId: string,
) {
  const row = await tx
    .selectFrom('refunds')
    .innerJoin('orders', 'orders.id', 'refunds.order_id')
    .innerJoin('people', 'people.id', 'orders.person_id')
    .select(['refunds.amount_cents', 'refunds.order_id', 'people.email', 'people.language'])
    .where('refunds.id', '=', refundId)
    .executeTakeFirstOrThrow();
  if (!row.email) return;
  const language = isLanguage(row.language) ? row.language : 'fi';
  const params = {
    amount: formatEuros(row.amount_cents, language),
    order: row.order_id.slice(0, 8),
    municipality: municipality.name[language],
  };
  await enqueueEmail(tx, {
    municipalityId: municipality.id,
    to: row.email,
    subject: translate(language, 'email.refund.subject', params),
    text: [
      translate(language, 'email.refund.body', params),
      '',
      translate(language, 'email.notification.footer', params),
    ].join('\n'),
  });
}

/**
 * The refund job: the demo provider gives the money back at once; Paytrail is asked to refund
 * the payment's transaction (a failure is retried with backoff, and after the last attempt the
 * refund is marked failed for staff to see). A refund of an invoiced order stays pending: the
 * finance office pays it back by hand and marks it done.
 */
export function refundHandlers(
  db: Database,
  options: { payments: Config['payments']; publicUrl: string },
): Record<string, JobHandler> {
  const refundOf = (job: Job) => (job.payload as { refundId: string }).refundId;
  return {
    [SEND_REFUND]: async (job) => {
      const refundId = refundOf(job);
      const refund = await inTenant(db, job.municipality_id, (tx) =>
        tx
          .selectFrom('refunds')
          .innerJoin('municipalities', 'municipalities.id', 'refunds.municipality_id')
          .select([
            'refunds.id',
            'refunds.order_id',
            'refunds.amount_cents',
            'refunds.status',
            'refunds.provider',
            'municipalities.slug',
          ])
          .where('refunds.id', '=', refundId)
          .executeTakeFirst(),
      );
      if (!refund || refund.status !== 'pending') return;
      let reference: string | null = null;
      if (refund.provider === 'paytrail') {
        if (!options.payments.paytrail) throw new Error('Paytrail is not configured');
        const payment = await inTenant(db, job.municipality_id, (tx) =>
          tx
            .selectFrom('payments')
            .select('provider_reference')
            .where('order_id', '=', refund.order_id)
            .where('status', '=', 'paid')
            .executeTakeFirstOrThrow(),
        );
        const api = `${options.publicUrl}/api/${refund.slug}/payments/paytrail`;
        const result = await new PaytrailClient(options.payments.paytrail).refund(
          payment.provider_reference!,
          {
            refundStamp: refund.id,
            refundReference: refund.order_id,
            amountCents: refund.amount_cents,
            callbackUrls: { success: `${api}/refund-callback`, cancel: `${api}/refund-callback` },
          },
        );
        reference = result.transactionId;
      } else if (refund.provider !== 'demo') {
        return;
      }
      await inTenant(db, job.municipality_id, async (tx) => {
        const done = await tx
          .updateTable('refunds')
          .set({ status: 'done', provider_reference: reference, settled_at: sql`now()` })
          .where('id', '=', refund.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0 || (job.payload as { quiet?: boolean }).quiet) return;
        const municipality = await tx
          .selectFrom('municipalities')
          .select(['id', 'name_fi', 'name_sv', 'name_en'])
          .where('id', '=', job.municipality_id!)
          .executeTakeFirstOrThrow();
        await emailRefund(
          tx,
          {
            id: municipality.id,
            name: { fi: municipality.name_fi, sv: municipality.name_sv, en: municipality.name_en },
          },
          refund.id,
        );
      });
    },
    [`${SEND_REFUND}.failed`]: async (job) => {
      await inTenant(db, job.municipality_id, (tx) =>
        tx
          .updateTable('refunds')
          .set({ status: 'failed', last_error: 'provider', settled_at: sql`now()` })
          .where('id', '=', refundOf(job))
          .where('status', '=', 'pending')
          .execute(),
      );
    },
  };
}

/**
 * Paytrail's later word on a refund it accepted (a signed callback): a refused refund is
 * marked failed for staff to see; an accepted one is already done. Idempotent.
 */
export async function refundOutcome(ctx: Ctx, refundId: string, ok: boolean) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const refund = await tx
      .selectFrom('refunds')
      .select(['id', 'status'])
      .where('id', '=', refundId)
      .where('provider', '=', 'paytrail')
      .forUpdate()
      .executeTakeFirst();
    if (!refund) return null;
    if (!ok && refund.status !== 'failed') {
      await tx
        .updateTable('refunds')
        .set({ status: 'failed', last_error: 'refused by the provider', settled_at: sql`now()` })
        .where('id', '=', refundId)
        .execute();
      await audit(tx, { ...ctx, actor: null }, 'refund.failed', `refund:${refundId}`);
    }
    return ok ? 'done' : 'failed';
  });
}
