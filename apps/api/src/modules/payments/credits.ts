import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import type { Ctx } from '../../platform/http/context.js';
import { enqueueEmail } from '../../platform/email/outbox.js';
import { translate } from '../../platform/i18n/messages.js';
import { formatEuros } from '../shop/money.js';
import { invoiceRecipient } from './invoice-buyer.js';

/** What has been credited on an order's invoice so far, in cents (`orderColumn`: its order id). */
export const creditedCents = (orderColumn: string) =>
  sql<number>`(select coalesce(sum(f.amount_cents), 0)::int from refunds f
               where f.order_id = ${sql.ref(orderColumn)} and f.kind = 'credit')`;

/**
 * A credit: something of an invoiced order that is not paid yet is cancelled, so the buyer owes
 * less. Nothing is paid back (nothing was paid); the invoice's amount due falls by the credit,
 * and its barcode and PDF show the new amount (they are derived, not stored). An invoice
 * credited in full is closed as 'credited'. Recorded in the refunds table as kind 'credit', so
 * that a booking or seat is given back at most once whichever way; the credits of an invoice
 * never exceed its amount (checked under the invoice's row lock). Runs under the order's lock
 * taken by createRefund.
 */
export async function createCredit(
  tx: Tx,
  ctx: Ctx,
  credit: {
    orderId: string;
    reservationId: string | null;
    registrationId: string | null;
    amountCents: number;
    reason: string;
  },
  options: { quiet?: boolean },
): Promise<string> {
  const invoice = await tx
    .selectFrom('invoices')
    .select([
      'id',
      'number',
      'amount_cents',
      'status',
      creditedCents('invoices.order_id').as('credited'),
    ])
    .where('order_id', '=', credit.orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!invoice || invoice.status !== 'open') throw new AppError(409, 'notPaid');
  const credited = invoice.credited + credit.amountCents;
  if (credited > invoice.amount_cents) throw new AppError(409, 'refundTooLarge');
  const { id } = await tx
    .insertInto('refunds')
    .values({
      municipality_id: ctx.municipality.id,
      order_id: credit.orderId,
      reservation_id: credit.reservationId,
      registration_id: credit.registrationId,
      amount_cents: credit.amountCents,
      reason: credit.reason,
      kind: 'credit',
      status: 'done',
      provider: 'invoice',
      created_by: ctx.actor?.personId ?? null,
      settled_at: sql`now()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (credited === invoice.amount_cents) {
    await tx
      .updateTable('invoices')
      .set({ status: 'credited' })
      .where('id', '=', invoice.id)
      .execute();
  }
  await audit(tx, ctx, 'invoice.credit', `invoice:${invoice.id}`, {
    orderId: credit.orderId,
    refundId: id,
    amountCents: credit.amountCents,
  });
  if (!options.quiet) {
    await emailCredit(tx, ctx, credit.orderId, {
      number: String(invoice.number),
      credit: credit.amountCents,
      due: invoice.amount_cents - credited,
    });
  }
  return id;
}

/** Tell the invoice's recipient what was credited and what is still to pay. */
export async function emailCredit(
  tx: Tx,
  ctx: Ctx,
  orderId: string,
  amounts: { number: string; credit: number; due: number },
) {
  const recipient = await invoiceRecipient(tx, orderId);
  if (!recipient.email) return;
  const language = recipient.language;
  const params = {
    number: amounts.number,
    amount: formatEuros(amounts.credit, language),
    due: formatEuros(amounts.due, language),
    municipality: ctx.municipality.name[language],
  };
  await enqueueEmail(tx, {
    municipalityId: ctx.municipality.id,
    to: recipient.email,
    subject: translate(language, 'email.credit.subject', params),
    text: [
      translate(language, 'email.credit.body', params),
      '',
      `${ctx.baseUrl}/${ctx.municipality.slug}/orders/${orderId}`,
      '',
      translate(language, 'email.notification.footer', params),
    ].join('\n'),
  });
}

/** Tell of credits made together on one order's invoice (a season's cancelled weeks). */
export async function emailCreditOfOrder(tx: Tx, ctx: Ctx, orderId: string, creditCents: number) {
  const invoice = await tx
    .selectFrom('invoices')
    .select(['number', 'amount_cents', creditedCents('invoices.order_id').as('credited')])
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  await emailCredit(tx, ctx, orderId, {
    number: String(invoice.number),
    credit: creditCents,
    due: invoice.amount_cents - invoice.credited,
  });
}
