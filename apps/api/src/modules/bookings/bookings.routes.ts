import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, SlugParams, StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { localDate } from '../../platform/i18n/time.js';
import {
  AvailabilitySchema,
  RESERVATION_STATUSES,
  RESOURCE_KINDS,
  ReservationBody,
  ReservationSchema,
  ResourceDetailsSchema,
  ResourceSchema,
} from './bookings.schema.js';
import * as service from './bookings.service.js';
import { ActingForQuery } from '../organisations/organisations.schema.js';

const slug = SlugParams.properties.slug;
const reservation = Type.Ref(ReservationSchema);
const Reason = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/resources',
    {
      schema: {
        operationId: 'listResources',
        tags: ['bookings'],
        summary: 'Bookable facilities, searchable by text, purpose, capacity and accessibility',
        params: SlugParams,
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            kind: Type.Optional(StringEnum(RESOURCE_KINDS)),
            minCapacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
            accessible: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref(ResourceSchema)) }) }),
      },
    },
    async (request) => ({ items: await service.listResources(request.ctx, request.query) }),
  );

  app.get(
    '/resources/:resourceId',
    {
      schema: {
        operationId: 'getResource',
        tags: ['bookings'],
        params: Type.Object({ slug, resourceId: Uuid }),
        querystring: ActingForQuery,
        response: responses({ 200: ResourceDetailsSchema }),
      },
    },
    async (request) =>
      service.getResource(request.ctx, request.params.resourceId, request.query.organisationId),
  );

  app.get(
    '/resources/:resourceId/availability',
    {
      schema: {
        operationId: 'getResourceAvailability',
        tags: ['bookings'],
        summary: 'Opening intervals and taken time for a number of days from a local date',
        params: Type.Object({ slug, resourceId: Uuid }),
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date' })),
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, default: 7 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: AvailabilitySchema }),
      },
    },
    async (request) =>
      service.getAvailability(
        request.ctx,
        request.params.resourceId,
        request.query.from ?? localDate(new Date()),
        request.query.days ?? 7,
      ),
  );

  app.post(
    '/reservations',
    {
      schema: {
        operationId: 'createReservation',
        tags: ['bookings'],
        summary: 'Book a time: confirmed at once, or a request that staff approve',
        params: SlugParams,
        body: ReservationBody,
        response: responses({ 201: reservation }),
      },
    },
    async (request, reply) => {
      const created = await service.createReservation(request.ctx, request.body);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/reservations/mine',
    {
      schema: {
        operationId: 'listMyReservations',
        tags: ['bookings'],
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(reservation) }) }),
      },
    },
    async (request) => ({ items: await service.listMyReservations(request.ctx) }),
  );

  app.post(
    '/reservations/:reservationId/cancel',
    {
      schema: {
        operationId: 'cancelReservation',
        tags: ['bookings'],
        summary: 'Cancel an own future booking, or (staff) any booking with a reason',
        params: Type.Object({ slug, reservationId: Uuid }),
        body: Reason,
        response: responses({ 200: reservation }),
      },
    },
    async (request) =>
      service.cancelReservation(
        request.ctx,
        request.params.reservationId,
        request.body.reason ?? '',
      ),
  );

  app.get(
    '/admin/reservations',
    {
      schema: {
        operationId: 'listReservations',
        tags: ['bookings'],
        summary: 'Current and coming reservations for facility staff',
        params: SlugParams,
        querystring: Type.Object(
          { status: Type.Optional(StringEnum(RESERVATION_STATUSES)) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ items: Type.Array(reservation) }) }),
      },
    },
    async (request) => ({
      items: await service.listReservationsForStaff(request.ctx, request.query.status ?? null),
    }),
  );

  app.post(
    '/admin/reservations/:reservationId/decision',
    {
      schema: {
        operationId: 'decideReservation',
        tags: ['bookings'],
        summary: 'Approve or deny a booking request',
        params: Type.Object({ slug, reservationId: Uuid }),
        body: Type.Object(
          { approve: Type.Boolean(), reason: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: reservation }),
      },
    },
    async (request) =>
      service.decideReservation(
        request.ctx,
        request.params.reservationId,
        request.body.approve,
        request.body.reason ?? '',
      ),
  );

  app.post(
    '/admin/reservations',
    {
      schema: {
        operationId: 'createReservationForCustomer',
        tags: ['bookings'],
        summary:
          'Staff book for a customer (found by email), or for an organisation the customer is a member of; a priced booking goes to their cart',
        params: SlugParams,
        body: Type.Composite(
          [
            ReservationBody,
            Type.Object({ customerEmail: Type.String({ format: 'email', maxLength: 254 }) }),
          ],
          { additionalProperties: false },
        ),
        response: responses({ 201: reservation }),
      },
    },
    async (request, reply) => {
      const created = await service.createReservationForCustomer(request.ctx, request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/admin/resources/:resourceId/blocks',
    {
      schema: {
        operationId: 'blockResourceTime',
        tags: ['bookings'],
        summary: 'Take time out of booking (maintenance, own use)',
        params: Type.Object({ slug, resourceId: Uuid }),
        body: Type.Object(
          { start: DateTime, end: DateTime, reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: responses({ 201: reservation }),
      },
    },
    async (request, reply) => {
      const block = await service.blockTime(request.ctx, request.params.resourceId, request.body);
      return reply.status(201).send(block);
    },
  );
};
