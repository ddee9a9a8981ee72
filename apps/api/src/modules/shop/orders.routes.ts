import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { instanceSecret } from '../../platform/db/instance-settings.js';
import { AppError } from '../../platform/http/errors.js';
import { SlugParams, StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { demoPaymentPage, signDemo, verifyDemo } from '../payments/demo-provider.js';
import { checkout, findPayment, settlePayment } from '../payments/payments.js';
import { checkoutByInvoice } from '../payments/invoices.js';
import { InvoiceSchema } from '../payments/invoices.routes.js';
import { getCart, getOrder, setCartLine } from './orders.js';
import { salesCsv, salesLines } from './sales.js';
import { ActingForQuery, BuyerOrganisationSchema } from '../organisations/organisations.schema.js';

const slug = SlugParams.properties.slug;
const Line = Type.Object({
  productId: Type.Union([Uuid, Type.Null()], { description: 'Set for a product line' }),
  reservationId: Type.Union([Uuid, Type.Null()], { description: 'Set for a booking line' }),
  registrationId: Type.Union([Uuid, Type.Null()], { description: 'Set for a course seat line' }),
  seriesId: Type.Optional(
    Type.Union([Uuid, Type.Null()], {
      description: 'A booking line of a weekly series (a season): its series',
    }),
  ),
  name: Type.String(),
  quantity: Type.Integer(),
  unitPriceCents: Type.Integer(),
  vatRateBp: Type.Integer(),
  totalCents: Type.Integer(),
  vatCents: Type.Integer(),
});
const OrderSchema = Type.Object({
  id: Type.Union([Uuid, Type.Null()]),
  status: StringEnum(['cart', 'pending', 'invoiced', 'paid', 'cancelled']),
  /** The organisation the order was bought for; null: the person bought for themselves. */
  organisation: Type.Optional(BuyerOrganisationSchema),
  lines: Type.Array(Line),
  totalCents: Type.Integer(),
  vatCents: Type.Integer(),
  vat: Type.Array(
    Type.Object({
      vatRateBp: Type.Integer(),
      netCents: Type.Integer(),
      vatCents: Type.Integer(),
      totalCents: Type.Integer(),
    }),
  ),
  paidAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** The cart: whether "pay by invoice" may be chosen for it. */
  invoiceAllowed: Type.Optional(Type.Boolean()),
  /** An order paid by invoice: the invoice. */
  invoice: Type.Optional(Type.Union([Type.Ref(InvoiceSchema), Type.Null()])),
});
const Signed = Type.Object(
  { outcome: StringEnum(['ok', 'cancel']), signature: Type.String({ maxLength: 128 }) },
  { additionalProperties: false },
);
const PaymentParams = Type.Object({ slug, paymentId: Uuid });

export const orderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { publicUrl, mode } = app.deps.config;
  const secret = await instanceSecret(app.deps.db, 'demo_payment_secret');

  app.get(
    '/cart',
    {
      schema: {
        operationId: 'getCart',
        tags: ['shop'],
        summary: "The asker's cart, or the one they fill for an organisation (organisationId)",
        params: SlugParams,
        querystring: ActingForQuery,
        response: responses({ 200: OrderSchema }),
      },
    },
    async (request) => getCart(request.ctx, request.query.organisationId),
  );

  app.put(
    '/cart/lines/:productId',
    {
      schema: {
        operationId: 'addToCart',
        tags: ['shop'],
        summary:
          'Set how many of a product are in the cart (0 removes it); prices come from the server',
        params: Type.Object({ slug, productId: Uuid }),
        querystring: ActingForQuery,
        body: Type.Object(
          { quantity: Type.Integer({ minimum: 0, maximum: 1000 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: OrderSchema }),
      },
    },
    async (request) =>
      setCartLine(
        request.ctx,
        request.params.productId,
        request.body.quantity,
        request.query.organisationId,
      ),
  );

  app.post(
    '/checkout',
    {
      // No body at all is an online payment, as it was before there was a choice: clients
      // written then keep working.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        operationId: 'checkout',
        tags: ['shop'],
        summary:
          'Place the cart as an order and pay it online (go to redirectUrl, the provider) or by ' +
          'invoice (the order is invoiced at once; redirectUrl is the order page). With ' +
          "organisationId the organisation's cart is placed and invoiced to the organisation",
        params: SlugParams,
        querystring: ActingForQuery,
        body: Type.Object(
          { method: Type.Optional(StringEnum(['online', 'invoice'])) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            orderId: Uuid,
            paymentId: Type.Optional(Uuid),
            invoiceId: Type.Optional(Uuid),
            redirectUrl: Type.String(),
          }),
        }),
      },
    },
    async (request) =>
      request.body.method === 'invoice'
        ? checkoutByInvoice(request.ctx, publicUrl, request.query.organisationId)
        : checkout(request.ctx, publicUrl, app.deps.config.payments, request.query.organisationId),
  );

  app.get(
    '/orders/:orderId',
    {
      schema: {
        operationId: 'getOrder',
        tags: ['shop'],
        params: Type.Object({ slug, orderId: Uuid }),
        response: responses({ 200: OrderSchema }),
      },
    },
    async (request) => getOrder(request.ctx, request.params.orderId),
  );

  const paymentOf = async (
    request: { ctx: Parameters<typeof findPayment>[0] },
    paymentId: string,
  ) => {
    const payment = mode === 'demo' ? await findPayment(request.ctx, paymentId) : undefined;
    if (!payment || payment.provider !== 'demo') throw new AppError(404, 'notFound');
    return payment;
  };
  const verified = async (
    request: {
      ctx: Parameters<typeof findPayment>[0];
      query: { outcome: 'ok' | 'cancel'; signature: string };
    },
    paymentId: string,
  ) => {
    const payment = await paymentOf(request, paymentId);
    const { outcome, signature } = request.query;
    if (!verifyDemo(secret, payment.id, outcome, payment.amount_cents, signature)) {
      throw new AppError(400, 'paymentSignature');
    }
    return settlePayment(request.ctx, payment.id, outcome);
  };

  app.get(
    '/payments/demo/:paymentId',
    {
      schema: {
        operationId: 'showDemoPayment',
        tags: ['shop'],
        summary: "The demo provider's hosted payment page (demo mode only)",
        params: PaymentParams,
        response: responses({ 200: Type.String({ description: 'text/html' }) }),
      },
    },
    async (request, reply) => {
      const payment = await paymentOf(request, request.params.paymentId);
      // Only the buyer sees the page with the signed links (a real provider shows its own).
      if (payment.person_id !== request.ctx.actor?.personId) throw new AppError(404, 'notFound');
      const base = `/api/${request.ctx.municipality.slug}/payments/demo/${payment.id}/return`;
      const link = (outcome: 'ok' | 'cancel') =>
        `${base}?outcome=${outcome}&signature=${signDemo(secret, payment.id, outcome, payment.amount_cents)}`;
      return reply
        .type('text/html; charset=utf-8')
        .send(demoPaymentPage(request.language, payment.amount_cents, link('ok'), link('cancel')));
    },
  );

  app.get(
    '/payments/demo/:paymentId/return',
    {
      schema: {
        operationId: 'paymentReturn',
        tags: ['shop'],
        summary: 'Where the provider sends the browser back; settles the payment and redirects',
        params: PaymentParams,
        querystring: Signed,
        response: responses({ 302: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { orderId } = await verified(request, request.params.paymentId);
      return reply.redirect(`/${request.ctx.municipality.slug}/orders/${orderId}`, 302);
    },
  );

  app.get(
    '/payments/demo/:paymentId/callback',
    {
      schema: {
        operationId: 'paymentCallback',
        tags: ['shop'],
        summary: "The provider's server-to-server notice of the outcome; settles the payment",
        params: PaymentParams,
        querystring: Signed,
        response: responses({ 200: Type.Object({ status: Type.String() }) }),
      },
    },
    async (request) => ({ status: (await verified(request, request.params.paymentId)).status }),
  );
};

const Period = Type.Object(
  { from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) },
  { additionalProperties: false },
);

export const salesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/sales',
    {
      schema: {
        operationId: 'listSales',
        tags: ['shop'],
        summary: 'Paid order lines, refunds and credits of a period, for the finance office',
        params: SlugParams,
        querystring: Period,
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                kind: Type.Union([
                  Type.Literal('sale'),
                  Type.Literal('refund'),
                  Type.Literal('credit'),
                ]),
                lineId: Uuid,
                paidAt: Type.String(),
                orderId: Uuid,
                buyer: Type.String(),
                productId: Type.Union([Uuid, Type.Null()]),
                product: Type.String(),
                quantity: Type.Union([Type.Integer(), Type.Null()]),
                unitPriceCents: Type.Union([Type.Integer(), Type.Null()]),
                vatRateBp: Type.Integer(),
                netCents: Type.Integer(),
                vatCents: Type.Integer(),
                totalCents: Type.Integer(),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => ({
      items: (await salesLines(request.ctx, request.query.from, request.query.to)).map((l) => ({
        ...l,
        paidAt: l.paidAt.toISOString(),
      })),
    }),
  );

  app.get(
    '/admin/sales.csv',
    {
      schema: {
        operationId: 'exportSales',
        tags: ['shop'],
        summary: 'Paid order lines as CSV for the financial system',
        params: SlugParams,
        querystring: Period,
        response: responses({ 200: Type.String({ description: 'text/csv' }) }),
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      const lines = await salesLines(request.ctx, from, to);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="myynti-${from}-${to}.csv"`)
        .send(salesCsv(lines, request.language));
    },
  );
};
