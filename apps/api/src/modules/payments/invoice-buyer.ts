import type { Tx } from '../../platform/db/database.js';
import { isLanguage, type Language } from '../../platform/i18n/messages.js';

/**
 * An organisation as its invoice names it, frozen when the invoice is issued: the billing
 * address and identifiers, and the member who ordered (the buyer's reference).
 */
export interface InvoiceBuyer {
  name: string;
  businessId: string | null;
  registerNumber: string | null;
  street: string;
  postcode: string;
  city: string;
  eInvoiceAddress: string | null;
  eInvoiceOperator: string | null;
  contactEmail: string;
  contactPerson: string;
}

/** The organisation an order was bought for, as the invoice prints it; null for a person. */
export async function invoiceBuyerOfOrder(tx: Tx, orderId: string): Promise<InvoiceBuyer | null> {
  const row = await tx
    .selectFrom('orders')
    .innerJoin('organisations', 'organisations.id', 'orders.organisation_id')
    .innerJoin('people', 'people.id', 'orders.person_id')
    .select([
      'organisations.name',
      'organisations.business_id',
      'organisations.register_number',
      'organisations.street',
      'organisations.postcode',
      'organisations.city',
      'organisations.e_invoice_address',
      'organisations.e_invoice_operator',
      'organisations.contact_email',
      'people.name as person_name',
    ])
    .where('orders.id', '=', orderId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    name: row.name,
    businessId: row.business_id,
    registerNumber: row.register_number,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    eInvoiceAddress: row.e_invoice_address,
    eInvoiceOperator: row.e_invoice_operator,
    contactEmail: row.contact_email,
    contactPerson: row.person_name,
  };
}

/**
 * Where an invoice (and news of it, such as a credit) is sent: an organisation's billing email
 * from the invoice, else the person's own; in the language of the person who ordered.
 */
export async function invoiceRecipient(tx: Tx, orderId: string) {
  const row = await tx
    .selectFrom('orders')
    .innerJoin('people', 'people.id', 'orders.person_id')
    .leftJoin('invoices', 'invoices.order_id', 'orders.id')
    .select(['people.name', 'people.email', 'people.language', 'invoices.buyer'])
    .where('orders.id', '=', orderId)
    .executeTakeFirstOrThrow();
  const organisation = row.buyer as InvoiceBuyer | null;
  return {
    name: organisation?.name ?? row.name,
    email: organisation?.contactEmail ?? row.email,
    language: (isLanguage(row.language) ? row.language : 'fi') as Language,
  };
}
