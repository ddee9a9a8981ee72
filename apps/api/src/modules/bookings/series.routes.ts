import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, SlugParams, StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { ReservationBody, ReservationSchema } from './bookings.schema.js';
import { CONFLICT_CODES, cancelReservationSeries, createReservationSeries } from './series.js';
import { decideReservationSeries } from './series-decision.js';

const slug = SlugParams.properties.slug;

export const seriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/reservation-series',
    {
      schema: {
        operationId: 'createReservationSeries',
        tags: ['bookings'],
        summary:
          'Book the same weekday and time every week until a date, for oneself or an organisation; ' +
          'free weeks are booked and priced (priced weeks of a facility that books at once are held ' +
          'in the buyer’s cart), the others listed as conflicts',
        params: SlugParams,
        body: Type.Composite(
          [Type.Omit(ReservationBody, []), Type.Object({ until: Type.String({ format: 'date' }) })],
          { additionalProperties: false },
        ),
        response: responses({
          201: Type.Object({
            seriesId: Type.Union([Uuid, Type.Null()]),
            booked: Type.Array(Type.Ref(ReservationSchema)),
            conflicts: Type.Array(
              Type.Object({
                start: DateTime,
                end: DateTime,
                code: StringEnum(CONFLICT_CODES),
              }),
            ),
            totalCents: Type.Integer({
              description: 'The price of the booked weeks together, VAT included',
            }),
            heldUntil: Type.Union([DateTime, Type.Null()], {
              description: 'Held weeks wait in the cart until this time',
            }),
          }),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createReservationSeries(request.ctx, request.body)),
  );

  app.post(
    '/reservation-series/:seriesId/cancel',
    {
      schema: {
        operationId: 'cancelReservationSeries',
        tags: ['bookings'],
        summary:
          'Cancel the coming bookings of an own weekly series; bought weeks are refunded (paid) ' +
          'or credited on the invoice (invoiced, not paid) by the cancellation rule',
        params: Type.Object({ slug, seriesId: Uuid }),
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            cancelled: Type.Integer(),
            refundedCents: Type.Integer({ description: 'Money coming back' }),
            creditedCents: Type.Integer({ description: 'Taken off an unpaid invoice' }),
          }),
        }),
      },
    },
    async (request) =>
      cancelReservationSeries(request.ctx, request.params.seriesId, request.body.reason ?? ''),
  );

  app.post(
    '/admin/reservation-series/:seriesId/decision',
    {
      schema: {
        operationId: 'decideReservationSeries',
        tags: ['bookings'],
        summary:
          'Staff approve or deny the coming requested weeks of a series at once; priced approved ' +
          'weeks go together to the buyer’s cart',
        params: Type.Object({ slug, seriesId: Uuid }),
        body: Type.Object(
          {
            approve: Type.Boolean(),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            decided: Type.Integer(),
            status: StringEnum(['held', 'confirmed', 'denied']),
            totalCents: Type.Integer(),
          }),
        }),
      },
    },
    async (request) =>
      decideReservationSeries(
        request.ctx,
        request.params.seriesId,
        request.body.approve,
        request.body.reason ?? '',
      ),
  );
};
