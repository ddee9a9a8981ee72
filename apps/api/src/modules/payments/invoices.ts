import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import {
  requireRole,
  requireUser,
  type AuthenticatedCtx,
  type Ctx,
} from '../../platform/http/context.js';
import { csvEuros, csvText, toCsv } from '../../platform/http/csv.js';
import { enqueueEmail } from '../../platform/email/outbox.js';
import { isLanguage, translate, type Language } from '../../platform/i18n/messages.js';
import { TIME_ZONE } from '../../platform/i18n/time.js';
import { placeOrder } from '../shop/orders.js';
import { fulfilOrder } from '../shop/fulfilment.js';
import { orderMayBeInvoiced } from '../shop/invoice-rule.js';
import { SALES_ROLES } from '../shop/sales.js';
import { sendReceipt } from './payments.js';
import { invoiceFormat } from './format.js';
import { activeMembership } from '../organisations/buyer.js';
import { invoiceBuyerOfOrder, invoiceRecipient } from './invoice-buyer.js';
import { creditedCents } from './credits.js';
import { invoiceLines } from './invoice-lines.js';
import {
  insertInvoice,
  invoiceById,
  listInvoiceRows,
  localToday,
  type InvoiceFilter,
  type InvoiceView,
} from './invoices.repo.js';

async function buyerOf(tx: Tx, personId: string) {
  const buyer = await tx
    .selectFrom('people')
    .select(['name', 'email', 'language'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return { ...buyer, language: isLanguage(buyer.language) ? buyer.language : ('fi' as Language) };
}

/** Whether the asker may see the invoice: who ordered, a member of its organisation, or staff. */
async function mayRead(tx: Tx, ctx: AuthenticatedCtx, invoice: InvoiceView) {
  if (SALES_ROLES.some((role) => ctx.roles.includes(role))) return true;
  if (invoice.personId === ctx.actor.personId) return true;
  return Boolean(
    invoice.organisationId &&
    (await activeMembership(tx, invoice.organisationId, ctx.actor.personId)),
  );
}

export const invoicePdfPath = (ctx: Ctx, invoiceId: string) =>
  `/api/${ctx.municipality.slug}/invoices/${invoiceId}/pdf`;

/**
 * The invoice by email (to an organisation's billing email, else the person's) in the language
 * of who ordered: what to pay, to where, by when.
 */
async function sendInvoiceEmail(tx: Tx, ctx: Ctx, invoice: InvoiceView) {
  const buyer = await invoiceRecipient(tx, invoice.orderId);
  if (!buyer.email) return;
  const language = buyer.language;
  const f = invoiceFormat(language);
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(language, key, params);
  const municipality = ctx.municipality.name[language];
  const text = [
    t('email.invoice.intro', { municipality }),
    '',
    t('invoice.number') + `: ${invoice.number}`,
    t('invoice.amount') + `: ${f.euros(invoice.amountCents)}`,
    t('invoice.dueDate') + `: ${f.date(invoice.dueDate)}`,
    t('invoice.payee') + `: ${invoice.payee.name}`,
    t('invoice.iban') + `: ${f.iban(invoice.payee.iban)}`,
    t('invoice.bic') + `: ${invoice.payee.bic}`,
    t('invoice.reference') + `: ${f.reference(invoice.reference)}`,
    t('invoice.rfReference') + `: ${f.rfReference(invoice.rfReference)}`,
    t('invoice.virtualBarcode') + `: ${invoice.virtualBarcode}`,
    '',
    t('email.invoice.pdf'),
    `${ctx.baseUrl}${invoicePdfPath(ctx, invoice.id)}`,
    '',
    t('email.invoice.order'),
    `${ctx.baseUrl}/${ctx.municipality.slug}/orders/${invoice.orderId}`,
    '',
    translate(language, 'email.notification.footer', { municipality }),
  ].join('\n');
  await enqueueEmail(tx, {
    municipalityId: ctx.municipality.id,
    to: buyer.email,
    subject: t('email.invoice.subject', { number: invoice.number, municipality }),
    text,
  });
}

/**
 * Check out the cart to be paid by invoice: in one transaction the order is placed, checked
 * against the invoicing rule, issued its invoice and becomes binding (fulfilOrder). Any
 * refusal rolls all of it back, so the cart is as it was. An organisation's order is invoiced
 * to the organisation: its name, business ID and billing address are printed on the invoice.
 */
export async function checkoutByInvoice(ctx: Ctx, baseUrl: string, organisationId?: string) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const order = await placeOrder(tx, ctx, organisationId);
    if (!(await orderMayBeInvoiced(tx, order.id))) throw new AppError(422, 'invoiceNotAllowed');
    await tx.updateTable('orders').set({ status: 'invoiced' }).where('id', '=', order.id).execute();
    const invoiceId = await insertInvoice(
      tx,
      ctx.municipality.id,
      order.id,
      order.totalCents,
      await invoiceBuyerOfOrder(tx, order.id),
    );
    if (!invoiceId) throw new AppError(422, 'invoicingUnavailable');
    await fulfilOrder(tx, ctx, order.id);
    const invoice = (await invoiceById(tx, invoiceId))!;
    await sendInvoiceEmail(tx, ctx, invoice);
    await audit(tx, ctx, 'invoice.issue', `invoice:${invoiceId}`, {
      orderId: order.id,
      number: invoice.number,
      amountCents: invoice.amountCents,
    });
    return {
      orderId: order.id,
      invoiceId,
      redirectUrl: `${baseUrl}/${ctx.municipality.slug}/orders/${order.id}`,
    };
  });
}

/** Staff: invoices by state, with the buyer's name (a read of personal data: audited). */
export async function listInvoices(ctx: Ctx, filter: InvoiceFilter) {
  requireRole(ctx, ...SALES_ROLES);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const items = await listInvoiceRows(tx, filter, 1000);
    await audit(tx, ctx, 'invoice.list', null, { filter, count: items.length });
    return items.map(({ personId: _personId, organisationId: _organisationId, ...rest }) => rest);
  });
}

/**
 * Staff record that an invoice was paid (the bank statement shows it). The invoice's row lock
 * makes a second marking wait and then see the first: 409, never a second payment. The order
 * becomes paid on the day the money came (start of that local day), so the sales report puts
 * it on that day; the payment row keeps when it was recorded. The buyer gets the receipt.
 */
export async function markInvoicePaid(ctx: Ctx, invoiceId: string, paidOn: string) {
  requireRole(ctx, ...SALES_ROLES);
  const actor = (ctx as AuthenticatedCtx).actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const locked = await tx
      .selectFrom('invoices')
      .select([
        'id',
        'order_id',
        'status',
        sql<number>`amount_cents - ${creditedCents('invoices.order_id')}`.as('due_cents'),
        'number',
        sql<boolean>`${paidOn}::date > ${localToday}`.as('in_future'),
        sql<boolean>`${paidOn}::date < issue_date`.as('before_issue'),
      ])
      .where('id', '=', invoiceId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw notFound();
    if (locked.status === 'paid') throw new AppError(409, 'invoiceAlreadyPaid');
    if (locked.status === 'credited') throw new AppError(409, 'invoiceCredited');
    if (locked.in_future || locked.before_issue) throw new AppError(422, 'invoicePaidOn');
    await tx
      .updateTable('invoices')
      .set({ status: 'paid', paid_on: paidOn, marked_paid_by: actor.personId })
      .where('id', '=', invoiceId)
      .execute();
    const payment = await tx
      .insertInto('payments')
      .values({
        municipality_id: ctx.municipality.id,
        order_id: locked.order_id,
        provider: 'invoice',
        // What was due: the invoice's amount less its credits.
        amount_cents: locked.due_cents,
        status: 'paid',
        provider_reference: String(locked.number),
        settled_at: sql`now()`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const paid = await tx
      .updateTable('orders')
      .set({ status: 'paid', paid_at: sql`${paidOn}::timestamp at time zone ${TIME_ZONE}` })
      .where('id', '=', locked.order_id)
      .where('status', '=', 'invoiced')
      .executeTakeFirst();
    if (Number(paid.numUpdatedRows) !== 1) throw new AppError(409, 'conflict');
    await sendReceipt(tx, ctx, locked.order_id);
    await audit(tx, ctx, 'invoice.markPaid', `invoice:${invoiceId}`, {
      orderId: locked.order_id,
      paymentId: payment.id,
      paidOn,
    });
    return (await invoiceById(tx, invoiceId))!;
  });
}

/** Open invoices (receivables) for the financial system, oldest due date first. */
export async function receivables(ctx: Ctx) {
  requireRole(ctx, ...SALES_ROLES);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const open = await listInvoiceRows(tx, 'open', 100_000);
    await audit(tx, ctx, 'report.receivables', null, { count: open.length });
    return open;
  });
}

export function receivablesCsv(invoices: InvoiceView[], language: Language): string {
  const headers = {
    fi: [
      'Lasku',
      'Viitenumero',
      'Asiakas',
      'Summa',
      'Laskun päiväys',
      'Eräpäivä',
      'Päiviä myöhässä',
      'Y-tunnus',
    ],
    sv: [
      'Faktura',
      'Referensnummer',
      'Kund',
      'Belopp',
      'Fakturadatum',
      'Förfallodag',
      'Dagar försenad',
      'FO-nummer',
    ],
    en: [
      'Invoice',
      'Reference',
      'Customer',
      'Amount',
      'Issue date',
      'Due date',
      'Days overdue',
      'Business ID',
    ],
  }[language];
  const rows = invoices.map((i) => [
    i.number,
    i.reference,
    csvText(i.customer),
    // What is still to be paid: the invoice less its credits.
    csvEuros(i.amountDueCents),
    i.issueDate,
    i.dueDate,
    String(i.daysOverdue),
    // An organisation's business ID (or register number) lets the financial system match it.
    i.buyer ? csvText(i.buyer.businessId ?? i.buyer.registerNumber ?? '') : '',
  ]);
  return toCsv(headers, rows);
}

/**
 * The invoice and its order for the PDF: the buyer's own (or their organisation's), or any for
 * staff (audited, it has the buyer's name). The language is the one asked for, else that of
 * who ordered. A season's weeks are printed as one line.
 */
export async function invoiceDocument(ctx: Ctx, invoiceId: string, lang: Language | undefined) {
  requireUser(ctx);
  const asker: AuthenticatedCtx = ctx;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const invoice = await invoiceById(tx, invoiceId);
    if (!invoice || !(await mayRead(tx, asker, invoice))) throw notFound();
    const person = await buyerOf(tx, invoice.personId);
    const language = lang ?? person.language;
    const lines = await invoiceLines(tx, invoice.orderId, language);
    await audit(tx, ctx, 'invoice.read', `invoice:${invoiceId}`, { format: 'pdf' });
    return {
      invoice,
      buyer: invoice.buyer ?? { name: person.name, email: person.email },
      language,
      lines,
    };
  });
}
