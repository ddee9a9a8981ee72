import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import { TIME_ZONE } from '../../platform/i18n/time.js';
import { virtualBarcode } from './barcode.js';
import { nationalReference, rfReference } from './reference.js';
import { creditedCents } from './credits.js';
import type { InvoiceBuyer } from './invoice-buyer.js';

/** SQL for the municipality's local date today: invoices are dated in Finnish time. */
export const localToday = sql<string>`(now() at time zone ${TIME_ZONE})::date`;

const COLUMNS = [
  'invoices.id',
  'invoices.order_id',
  'invoices.number',
  'invoices.reference',
  'invoices.rf_reference',
  'invoices.amount_cents',
  sql<string>`invoices.issue_date::text`.as('issue_date'),
  sql<string>`invoices.due_date::text`.as('due_date'),
  'invoices.payee_name',
  'invoices.iban',
  'invoices.bic',
  'invoices.business_id',
  'invoices.status',
  sql<string | null>`invoices.paid_on::text`.as('paid_on'),
  sql<number>`greatest(0, ${localToday} - invoices.due_date)`.as('days_past_due'),
  creditedCents('invoices.order_id').as('credited_cents'),
  'invoices.buyer',
  'people.name as person_name',
  'orders.person_id',
  'orders.organisation_id',
] as const;

function select(tx: Tx) {
  return tx
    .selectFrom('invoices')
    .innerJoin('orders', 'orders.id', 'invoices.order_id')
    .innerJoin('people', 'people.id', 'orders.person_id')
    .select(COLUMNS);
}

type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

/**
 * An invoice as the buyer and staff see it. The virtual barcodes are derived, not stored:
 * they follow from the account, amount due, reference and due date printed on the invoice
 * (a credit lowers the amount due, so the barcode follows). Version 4 carries the national
 * reference (what Finnish invoices print in the barcode field); version 5 carries the RF
 * reference, for payers whose bank prefers it. An organisation's invoice names the
 * organisation as it was when the invoice was issued.
 */
function toView(row: Row) {
  const amountDueCents = row.amount_cents - row.credited_cents;
  const barcode = (reference: string) =>
    virtualBarcode({
      iban: row.iban,
      amountCents: amountDueCents,
      reference,
      dueDate: row.due_date,
    });
  const buyer = (row.buyer as InvoiceBuyer | null) ?? null;
  const overdue = row.status === 'open' && row.days_past_due > 0;
  return {
    id: row.id,
    orderId: row.order_id,
    personId: row.person_id,
    organisationId: row.organisation_id,
    customer: buyer?.name ?? row.person_name,
    buyer,
    number: String(row.number),
    reference: row.reference,
    rfReference: row.rf_reference,
    amountCents: row.amount_cents,
    creditedCents: row.credited_cents,
    amountDueCents,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    status: overdue ? ('overdue' as const) : row.status,
    daysOverdue: row.status === 'open' ? row.days_past_due : 0,
    paidOn: row.paid_on,
    payee: { name: row.payee_name, iban: row.iban, bic: row.bic, businessId: row.business_id },
    virtualBarcode: barcode(row.reference),
    virtualBarcodeRf: barcode(row.rf_reference),
  };
}

export type InvoiceView = ReturnType<typeof toView>;

export async function invoiceById(tx: Tx, id: string): Promise<InvoiceView | null> {
  const row = await select(tx).where('invoices.id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

export async function invoiceOfOrder(tx: Tx, orderId: string): Promise<InvoiceView | null> {
  const row = await select(tx).where('invoices.order_id', '=', orderId).executeTakeFirst();
  return row ? toView(row) : null;
}

export type InvoiceFilter = 'open' | 'overdue' | 'paid' | 'all';

/** Open includes overdue: both are still to be paid. */
export async function listInvoiceRows(tx: Tx, filter: InvoiceFilter, limit: number) {
  let q = select(tx);
  if (filter === 'open') q = q.where('invoices.status', '=', 'open');
  if (filter === 'paid') q = q.where('invoices.status', '=', 'paid');
  if (filter === 'overdue') {
    q = q
      .where('invoices.status', '=', 'open')
      .where(sql<boolean>`invoices.due_date < ${localToday}`);
  }
  // Open invoices by due date (the oldest debt first); paid ones newest first.
  q =
    filter === 'paid' || filter === 'all'
      ? q.orderBy('invoices.number', 'desc')
      : q.orderBy('invoices.due_date').orderBy('invoices.number');
  return (await q.limit(limit).execute()).map(toView);
}

/**
 * Issue the invoice of an order in the checkout transaction. The number comes from the
 * municipality's counter row, incremented under its row lock: two checkouts at the same
 * moment wait for each other there and get different numbers; a rolled-back checkout gives
 * its number back. Null when the municipality has no invoicing details.
 */
export async function insertInvoice(
  tx: Tx,
  municipalityId: string,
  orderId: string,
  amountCents: number,
  buyer: InvoiceBuyer | null = null,
): Promise<string | null> {
  const counter = await tx
    .updateTable('invoice_settings')
    .set({ last_invoice_number: sql`last_invoice_number + 1` })
    .where('municipality_id', '=', municipalityId)
    .returning([
      'last_invoice_number',
      'payee_name',
      'iban',
      'bic',
      'business_id',
      'payment_term_days',
    ])
    .executeTakeFirst();
  if (!counter) return null;
  const reference = nationalReference(String(counter.last_invoice_number));
  const { id } = await tx
    .insertInto('invoices')
    .values({
      municipality_id: municipalityId,
      order_id: orderId,
      number: counter.last_invoice_number,
      reference,
      rf_reference: rfReference(reference),
      amount_cents: amountCents,
      issue_date: localToday,
      due_date: sql`${localToday} + ${counter.payment_term_days}::int`,
      payee_name: counter.payee_name,
      iban: counter.iban,
      bic: counter.bic,
      business_id: counter.business_id,
      buyer: buyer ? JSON.stringify(buyer) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
