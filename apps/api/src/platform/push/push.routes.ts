import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, SlugParams, StringEnum, Uuid, responses } from '../http/schemas.js';
import * as service from './push.service.js';
import { CHANNELS, TOPICS } from './topics.js';

const SubscriptionBody = Type.Object(
  {
    endpoint: Type.String({ minLength: 10, maxLength: 2000 }),
    // PushSubscription.toJSON() also has expirationTime; it is accepted and not needed.
    expirationTime: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    keys: Type.Object(
      {
        p256dh: Type.String({ minLength: 80, maxLength: 100 }),
        auth: Type.String({ minLength: 16, maxLength: 32 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const Preferences = Type.Object({
  topics: Type.Array(
    Type.Object({ topic: StringEnum(TOPICS), email: Type.Boolean(), push: Type.Boolean() }),
  ),
  pushDevices: Type.Integer(),
});

/** Web Push subscriptions of the logged-in person's devices, and per-topic preferences. */
export const pushRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config } = app.deps;

  app.get(
    '/push/config',
    {
      schema: {
        operationId: 'getPushConfig',
        tags: ['notifications'],
        summary: 'The public VAPID key (applicationServerKey) to subscribe to Web Push with',
        params: SlugParams,
        response: responses({ 200: Type.Object({ publicKey: Type.String() }) }),
      },
    },
    async (request) => service.getPushConfig(request.ctx, config),
  );

  app.post(
    '/push/subscriptions',
    {
      schema: {
        operationId: 'subscribePush',
        tags: ['notifications'],
        summary: "Receive pushes on this device (the browser's PushSubscription as JSON)",
        params: SlugParams,
        body: SubscriptionBody,
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (request, reply) => {
      const result = await service.subscribePush(
        request.ctx,
        request.body,
        request.headers['user-agent'],
        config.mode === 'demo',
      );
      return reply.status(201).send(result);
    },
  );

  app.delete(
    '/push/subscriptions',
    {
      schema: {
        operationId: 'unsubscribePush',
        tags: ['notifications'],
        summary: 'No more pushes to this device',
        params: SlugParams,
        body: Type.Object(
          { endpoint: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await service.unsubscribePush(request.ctx, request.body.endpoint);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/notification-preferences',
    {
      schema: {
        operationId: 'getNotificationPreferences',
        tags: ['notifications'],
        summary: 'Email and push per topic (in-app notices are always kept)',
        params: SlugParams,
        response: responses({ 200: Preferences }),
      },
    },
    async (request) => service.getNotificationPreferences(request.ctx),
  );

  app.put(
    '/notification-preferences',
    {
      schema: {
        operationId: 'updateNotificationPreferences',
        tags: ['notifications'],
        summary: 'Switch email or push on or off for topics',
        params: SlugParams,
        body: Type.Object(
          {
            changes: Type.Array(
              Type.Object(
                {
                  topic: StringEnum(TOPICS),
                  channel: StringEnum(CHANNELS),
                  enabled: Type.Boolean(),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: TOPICS.length * CHANNELS.length },
            ),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Preferences }),
      },
    },
    async (request) => service.updateNotificationPreferences(request.ctx, request.body.changes),
  );
};
