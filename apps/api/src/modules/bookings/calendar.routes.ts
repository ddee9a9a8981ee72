import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import * as calendar from './calendar.js';

const slug = SlugParams.properties.slug;
const ICS = Type.String({ description: 'text/calendar (iCalendar, RFC 5545)' });

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { publicUrl } = app.deps.config;

  app.get(
    '/reservations/:reservationId.ics',
    {
      schema: {
        operationId: 'getReservationCalendar',
        tags: ['bookings'],
        summary: 'One own booking as an iCalendar file',
        params: Type.Object({ slug, reservationId: Uuid }),
        response: responses({ 200: ICS }),
      },
    },
    async (request, reply) => {
      const body = await calendar.reservationCalendar(
        request.ctx,
        request.params.reservationId,
        publicUrl,
      );
      return reply
        .type('text/calendar; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="varaus-${request.params.reservationId}.ics"`,
        )
        .send(body);
    },
  );

  app.post(
    '/calendar-feed',
    {
      schema: {
        operationId: 'createCalendarFeed',
        tags: ['bookings'],
        summary: 'A new private calendar feed address for my bookings (the old one stops working)',
        params: SlugParams,
        response: responses({ 200: Type.Object({ url: Type.String(), webcalUrl: Type.String() }) }),
      },
    },
    async (request) => calendar.createCalendarFeed(request.ctx, publicUrl),
  );

  app.get(
    '/calendar-feeds/:token.ics',
    {
      schema: {
        operationId: 'getCalendarFeed',
        tags: ['bookings'],
        summary: 'A private calendar feed; the secret in the address is the only key',
        params: Type.Object({ slug, token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$' }) }),
        response: responses({ 200: ICS }),
      },
    },
    async (request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendar.calendarFeed(request.ctx, request.params.token, publicUrl)),
  );
};
