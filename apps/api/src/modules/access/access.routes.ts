import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SlugParams, StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { acknowledgeGrants, DoorEventSchema, pullGrants } from './access.doors.js';
import {
  AccessGrantSchema,
  DOOR_ADAPTERS,
  DoorSchema,
  DoorWithTokenSchema,
  GRANT_STATES,
  PulledGrantsSchema,
} from './access.schema.js';
import * as service from './access.service.js';

const slug = SlugParams.properties.slug;
const DoorParams = Type.Object({ slug, doorId: Uuid });
const Bearer = Type.Object({
  authorization: Type.Optional(Type.String({ description: 'Bearer <door token>', maxLength: 200 })),
});

export const accessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/access/doors',
    {
      schema: {
        operationId: 'listDoors',
        tags: ['access'],
        summary: 'Doors of the self-service facilities, with their controllers’ last contact',
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(Type.Ref(DoorSchema)) }) }),
      },
    },
    async (request) => ({ items: await service.listDoors(request.ctx) }),
  );

  app.post(
    '/admin/access/doors',
    {
      schema: {
        operationId: 'createDoor',
        tags: ['access'],
        summary: 'Add a door to a self-service facility (HTTP pull doors get their token once)',
        params: SlugParams,
        body: Type.Object(
          {
            resourceId: Uuid,
            name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
            adapter: StringEnum(DOOR_ADAPTERS),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: DoorWithTokenSchema }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDoor(request.ctx, request.body)),
  );

  app.post(
    '/admin/access/doors/:doorId/token',
    {
      schema: {
        operationId: 'rotateDoorToken',
        tags: ['access'],
        summary: 'A new token for an HTTP pull door; the old one stops working',
        params: DoorParams,
        response: responses({ 200: DoorWithTokenSchema }),
      },
    },
    async (request) => service.rotateDoorToken(request.ctx, request.params.doorId),
  );

  for (const active of [false, true]) {
    app.post(
      `/admin/access/doors/:doorId/${active ? 'activate' : 'deactivate'}`,
      {
        schema: {
          operationId: active ? 'activateDoor' : 'deactivateDoor',
          tags: ['access'],
          summary: active
            ? 'Take a door back into use: the coming bookings get their grants on it again'
            : 'Take a door out of use: its grants are removed from it and it gets no new ones',
          params: DoorParams,
          response: responses({ 200: Type.Ref(DoorSchema) }),
        },
      },
      async (request) => service.setDoorActive(request.ctx, request.params.doorId, active),
    );
  }

  app.get(
    '/admin/access/grants',
    {
      schema: {
        operationId: 'listAccessGrants',
        tags: ['access'],
        summary: 'Door grants with their delivery state; failed ones first',
        params: SlugParams,
        querystring: Type.Object(
          { state: Type.Optional(StringEnum(GRANT_STATES)) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({ items: Type.Array(Type.Ref(AccessGrantSchema)) }),
        }),
      },
    },
    async (request) => ({
      items: await service.listGrants(request.ctx, request.query.state ?? null),
    }),
  );

  app.post(
    '/admin/access/grants/:grantId/retry',
    {
      schema: {
        operationId: 'retryAccessGrant',
        tags: ['access'],
        summary: 'Try a failed grant again',
        params: Type.Object({ slug, grantId: Uuid }),
        response: responses({ 200: Type.Ref(AccessGrantSchema) }),
      },
    },
    async (request) => service.retryAccessGrant(request.ctx, request.params.grantId),
  );

  // The door controllers' own API: authenticated by the door's bearer token, not a session,
  // so the CSRF check (which protects cookie sessions) does not apply.
  app.get(
    '/access/doors/:doorId/grants',
    {
      schema: {
        operationId: 'pullDoorGrants',
        tags: ['access'],
        summary: 'For the door controller (Bearer door token): the grants to hold and to drop',
        params: DoorParams,
        headers: Bearer,
        response: responses({ 200: PulledGrantsSchema }),
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return pullGrants(request.ctx, request.params.doorId, request.headers.authorization);
    },
  );

  app.post(
    '/access/doors/:doorId/acks',
    {
      config: { csrf: false },
      schema: {
        operationId: 'acknowledgeDoorGrants',
        tags: ['access'],
        summary:
          'For the door controller (Bearer door token): grants installed, removed or refused',
        params: DoorParams,
        headers: Bearer,
        body: Type.Object(
          { results: Type.Array(DoorEventSchema, { minItems: 1, maxItems: 1000 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ changed: Type.Integer() }) }),
      },
    },
    async (request) =>
      acknowledgeGrants(
        request.ctx,
        request.params.doorId,
        request.headers.authorization,
        request.body.results,
      ),
  );
};
