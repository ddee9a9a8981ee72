import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../platform/http/errors.js';
import type { Ctx } from '../../platform/http/context.js';
import { SlugParams, responses } from '../../platform/http/schemas.js';
import { findPayment, settlePayment } from './payments.js';
import { refundOutcome } from './refunds.js';
import { verifyPaytrailSignature } from './paytrail/signature.js';

/** Paytrail's signed parameters: checkout-* fields and the signature. */
const Params = Type.Object(
  { signature: Type.String({ maxLength: 256 }) },
  { additionalProperties: Type.String({ maxLength: 500 }) },
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const paytrailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { payments } = app.deps.config;

  /** Verify Paytrail's parameters and settle the payment they speak of (idempotently). */
  const settle = async (ctx: Ctx, query: Record<string, string>) => {
    const { signature, ...fields } = query;
    const paytrail = payments.paytrail;
    if (!paytrail || !verifyPaytrailSignature(paytrail.secret, fields, signature ?? '')) {
      throw new AppError(400, 'paymentSignature');
    }
    const stamp = fields['checkout-stamp'] ?? '';
    const payment = UUID.test(stamp) ? await findPayment(ctx, stamp) : undefined;
    if (
      !payment ||
      payment.provider !== 'paytrail' ||
      String(payment.amount_cents) !== fields['checkout-amount']
    ) {
      throw new AppError(400, 'paymentSignature');
    }
    const status = fields['checkout-status'];
    // pending and delayed are not final: wait for the next callback.
    if (status !== 'ok' && status !== 'fail')
      return { orderId: payment.order_id, status: payment.status };
    return settlePayment(ctx, payment.id, status === 'ok' ? 'ok' : 'cancel');
  };

  app.get(
    '/payments/paytrail/return',
    {
      schema: {
        operationId: 'paytrailReturn',
        tags: ['shop'],
        summary: 'Where Paytrail returns the browser; settles the payment and shows the order',
        params: SlugParams,
        querystring: Params,
        response: responses({ 302: Type.Null() }),
      },
    },
    async (request, reply) => {
      const { orderId } = await settle(request.ctx, request.query as Record<string, string>);
      return reply.redirect(`/${request.ctx.municipality.slug}/orders/${orderId}`, 302);
    },
  );

  app.get(
    '/payments/paytrail/callback',
    {
      schema: {
        operationId: 'paytrailCallback',
        tags: ['shop'],
        summary: "Paytrail's server-to-server notice; settles the payment",
        params: SlugParams,
        querystring: Params,
        response: responses({ 200: Type.Object({ status: Type.String() }) }),
      },
    },
    async (request) => ({
      status: (await settle(request.ctx, request.query as Record<string, string>)).status,
    }),
  );

  app.get(
    '/payments/paytrail/refund-callback',
    {
      schema: {
        operationId: 'paytrailRefundCallback',
        tags: ['shop'],
        summary: "Paytrail's server-to-server notice of a refund's outcome",
        params: SlugParams,
        querystring: Params,
        response: responses({ 200: Type.Object({ status: Type.String() }) }),
      },
    },
    async (request) => {
      const { signature, ...fields } = request.query as Record<string, string>;
      const paytrail = payments.paytrail;
      if (!paytrail || !verifyPaytrailSignature(paytrail.secret, fields, signature ?? '')) {
        throw new AppError(400, 'paymentSignature');
      }
      const stamp = fields['checkout-stamp'] ?? '';
      const status = fields['checkout-status'];
      const outcome = UUID.test(stamp)
        ? await refundOutcome(request.ctx, stamp, status === 'ok')
        : null;
      if (!outcome) throw new AppError(400, 'paymentSignature');
      return { status: outcome };
    },
  );
};
