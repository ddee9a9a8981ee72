import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  LanguageSchema,
  SlugParams,
  StringEnum,
  Uuid,
  responses,
} from '../../platform/http/schemas.js';
import { getInvoiceSettings, updateInvoiceSettings } from './invoice-settings.js';
import {
  invoiceDocument,
  listInvoices,
  markInvoicePaid,
  receivables,
  receivablesCsv,
} from './invoices.js';
import { renderInvoicePdf } from './invoice-pdf.js';

const slug = SlugParams.properties.slug;
const LocalDate = Type.String({ format: 'date', description: 'YYYY-MM-DD, Finnish local date' });

/** An invoice as the buyer sees it on the order page. */
export const InvoiceSchema = Type.Object(
  {
    id: Uuid,
    orderId: Uuid,
    number: Type.String(),
    reference: Type.String({ description: 'Finnish national reference number (viitenumero)' }),
    rfReference: Type.String({ description: 'RF creditor reference (ISO 11649)' }),
    amountCents: Type.Integer({ description: 'The amount invoiced' }),
    creditedCents: Type.Integer({
      description: 'Taken off the invoice for things cancelled before it was paid',
    }),
    amountDueCents: Type.Integer({ description: 'What is to be paid: amount less credits' }),
    issueDate: LocalDate,
    dueDate: LocalDate,
    status: StringEnum(['open', 'overdue', 'paid', 'credited'], {
      description: 'credited: everything on it was credited, nothing is left to pay',
    }),
    daysOverdue: Type.Integer(),
    paidOn: Type.Union([LocalDate, Type.Null()]),
    payee: Type.Object({
      name: Type.String(),
      iban: Type.String(),
      bic: Type.String(),
      businessId: Type.String(),
    }),
    buyer: Type.Union(
      [
        Type.Object({
          name: Type.String(),
          businessId: Type.Union([Type.String(), Type.Null()]),
          registerNumber: Type.Union([Type.String(), Type.Null()]),
          street: Type.String(),
          postcode: Type.String(),
          city: Type.String(),
          eInvoiceAddress: Type.Union([Type.String(), Type.Null()]),
          eInvoiceOperator: Type.Union([Type.String(), Type.Null()]),
          contactEmail: Type.String(),
          contactPerson: Type.String(),
        }),
        Type.Null(),
      ],
      { description: 'The organisation invoiced, as on the invoice; null for a person' },
    ),
    virtualBarcode: Type.String({ description: '54-digit virtual barcode, version 4' }),
    virtualBarcodeRf: Type.String({ description: '54-digit virtual barcode, version 5 (RF)' }),
  },
  { $id: 'Invoice' },
);

/** Staff also see whose invoice it is. */
const StaffInvoice = Type.Intersect([
  Type.Ref(InvoiceSchema),
  Type.Object({ customer: Type.String() }),
]);

const Settings = Type.Object(
  {
    payeeName: Type.String({ minLength: 1, maxLength: 200 }),
    iban: Type.String({ minLength: 1, maxLength: 42 }),
    bic: Type.String({ minLength: 1, maxLength: 14 }),
    businessId: Type.String({ minLength: 1, maxLength: 12 }),
    paymentTermDays: Type.Integer({ minimum: 0, maximum: 365 }),
  },
  { additionalProperties: false },
);
const InvoiceParams = Type.Object({ slug, invoiceId: Uuid });

export const invoiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/invoicing-settings',
    {
      schema: {
        operationId: 'getInvoiceSettings',
        tags: ['admin'],
        summary: "The municipality's details as the payee of its invoices",
        params: SlugParams,
        response: responses({
          200: Type.Composite([Settings, Type.Object({ configured: Type.Boolean() })]),
        }),
      },
    },
    async (request) => getInvoiceSettings(request.ctx),
  );

  app.put(
    '/admin/invoicing-settings',
    {
      schema: {
        operationId: 'updateInvoiceSettings',
        tags: ['admin'],
        summary: 'Set the payee name, bank account, business ID and payment term of invoices',
        params: SlugParams,
        body: Settings,
        response: responses({
          200: Type.Composite([Settings, Type.Object({ configured: Type.Boolean() })]),
        }),
      },
    },
    async (request) => updateInvoiceSettings(request.ctx, request.body),
  );

  app.get(
    '/admin/invoices',
    {
      schema: {
        operationId: 'listInvoices',
        tags: ['shop'],
        summary: 'Invoices by state (open includes overdue), for the finance office',
        params: SlugParams,
        querystring: Type.Object(
          { status: Type.Optional(StringEnum(['open', 'overdue', 'paid', 'all'])) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(StaffInvoice) }) }),
      },
    },
    async (request) => ({ items: await listInvoices(request.ctx, request.query.status ?? 'open') }),
  );

  app.post(
    '/admin/invoices/:invoiceId/paid',
    {
      schema: {
        operationId: 'markInvoicePaid',
        tags: ['shop'],
        summary: 'Record that an invoice was paid on a date; the order becomes paid (once)',
        params: InvoiceParams,
        body: Type.Object({ paidOn: LocalDate }, { additionalProperties: false }),
        response: responses({ 200: Type.Ref(InvoiceSchema) }),
      },
    },
    async (request) => {
      const {
        personId: _p,
        customer: _c,
        ...invoice
      } = await markInvoicePaid(request.ctx, request.params.invoiceId, request.body.paidOn);
      return invoice;
    },
  );

  app.get(
    '/admin/invoices/receivables.csv',
    {
      schema: {
        operationId: 'exportReceivables',
        tags: ['shop'],
        summary: 'Open invoices as CSV for the financial system',
        params: SlugParams,
        response: responses({ 200: Type.String({ description: 'text/csv' }) }),
      },
    },
    async (request, reply) => {
      const open = await receivables(request.ctx);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="avoimet-laskut.csv"')
        .send(receivablesCsv(open, request.language));
    },
  );

  app.get(
    '/invoices/:invoiceId/pdf',
    {
      schema: {
        operationId: 'getInvoicePdf',
        tags: ['shop'],
        summary: "The invoice as PDF, in the buyer's language or ?lang=; for the buyer and staff",
        params: InvoiceParams,
        querystring: Type.Object(
          { lang: Type.Optional(LanguageSchema) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'application/pdf',
          }),
        }),
      },
    },
    async (request, reply) => {
      const { invoice, buyer, lines, language } = await invoiceDocument(
        request.ctx,
        request.params.invoiceId,
        request.query.lang,
      );
      const municipality = request.ctx.municipality;
      const pdf = await renderInvoicePdf({
        invoice,
        buyer,
        lines,
        language,
        municipalityAddress: municipality.address,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="lasku-${invoice.number}.pdf"`)
        .send(pdf);
    },
  );
};
