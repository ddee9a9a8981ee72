import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, SlugParams, StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { ReservationBody, ReservationSchema } from './bookings.schema.js';
import { CONFLICT_CODES, cancelReservationSeries, createReservationSeries } from './series.js';

const slug = SlugParams.properties.slug;

export const seriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/reservation-series',
    {
      schema: {
        operationId: 'createReservationSeries',
        tags: ['bookings'],
        summary:
          'Book the same weekday and time every week until a date; free weeks are booked, the others listed as conflicts',
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
        summary: 'Cancel the coming bookings of an own weekly series',
        params: Type.Object({ slug, seriesId: Uuid }),
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ cancelled: Type.Integer() }) }),
      },
    },
    async (request) =>
      cancelReservationSeries(request.ctx, request.params.seriesId, request.body.reason ?? ''),
  );
};
