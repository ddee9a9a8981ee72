import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LanguageSchema, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import { receiptDocument } from './receipts.js';
import { renderReceiptPdf } from './receipt-pdf.js';

const slug = SlugParams.properties.slug;

export const receiptRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/orders/:orderId/receipt.pdf',
    {
      schema: {
        operationId: 'getReceiptPdf',
        tags: ['shop'],
        summary:
          "The receipt of a paid order as PDF, in the buyer's language or ?lang=; for the buyer and staff",
        params: Type.Object({ slug, orderId: Uuid }),
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
      const receipt = await receiptDocument(
        request.ctx,
        request.params.orderId,
        request.query.lang,
      );
      const pdf = await renderReceiptPdf(receipt);
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `inline; filename="kuitti-${receipt.orderId.slice(0, 8)}.pdf"`,
        )
        .send(pdf);
    },
  );
};
