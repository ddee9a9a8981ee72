import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import { slug } from './daycare.schema.js';
import {
  FreePlaceSchema,
  PublicFreePlacesSchema,
  RecordFreePlacesBody,
  StaffFreePlacesSchema,
  SubscribeBody,
  SubscriptionSchema,
  TokenBody,
  TokenResultSchema,
} from './free-places.schema.js';
import {
  listFreePlaces,
  listMySubscriptions,
  removeMySubscription,
  setSubscriptionByToken,
  subscribeFreePlaceAlerts,
} from './free-places.js';
import { endFreePlaces, listStaffFreePlaces, recordFreePlaces } from './free-places.record.js';

const tags = ['daycare'];

/** Free-place alerts: the public list, residents' subscriptions, staff's records. */
export const freePlaceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/daycare/free-places',
    {
      schema: {
        operationId: 'listFreePlaces',
        tags,
        summary: 'Every daycare unit with its current free places (public)',
        params: SlugParams,
        response: responses({ 200: PublicFreePlacesSchema }),
      },
    },
    async (request) => listFreePlaces(request.ctx),
  );

  app.get(
    '/daycare/free-places/subscriptions',
    {
      schema: {
        operationId: 'listFreePlaceSubscriptions',
        tags,
        summary: "The signed-in person's free-place alert subscriptions",
        params: SlugParams,
        response: responses({ 200: Type.Object({ items: Type.Array(SubscriptionSchema) }) }),
      },
    },
    async (request) => ({ items: await listMySubscriptions(request.ctx) }),
  );

  app.post(
    '/daycare/free-places/subscriptions',
    {
      schema: {
        operationId: 'subscribeFreePlaceAlerts',
        tags,
        summary:
          "Subscribe to alerts of a unit's free places for an age group (201 new, 200 subscribed already)",
        params: SlugParams,
        body: SubscribeBody,
        response: responses({ 200: SubscriptionSchema, 201: SubscriptionSchema }),
      },
    },
    async (request, reply) => {
      const { created, subscription } = await subscribeFreePlaceAlerts(request.ctx, request.body);
      return reply.status(created ? 201 : 200).send(subscription);
    },
  );

  app.delete(
    '/daycare/free-places/subscriptions/:subscriptionId',
    {
      schema: {
        operationId: 'removeFreePlaceSubscription',
        tags,
        summary: 'Stop one of your own free-place alert subscriptions',
        params: Type.Object({ slug, subscriptionId: Uuid }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await removeMySubscription(request.ctx, request.params.subscriptionId);
      return reply.status(204).send(null);
    },
  );

  // The token is the whole authority here, not a session cookie, so there is no CSRF to guard.
  app.post(
    '/daycare/free-places/unsubscribe',
    {
      config: { csrf: false },
      schema: {
        operationId: 'unsubscribeFreePlaceAlertsByToken',
        tags,
        summary: "Stop a subscription with the token of an alert's link (no login)",
        params: SlugParams,
        body: TokenBody,
        response: responses({ 200: TokenResultSchema }),
      },
    },
    async (request) => setSubscriptionByToken(request.ctx, request.body.token, false),
  );

  app.post(
    '/daycare/free-places/resubscribe',
    {
      config: { csrf: false },
      schema: {
        operationId: 'resubscribeFreePlaceAlertsByToken',
        tags,
        summary: 'Take a stop by token back: the alerts continue (no login)',
        params: SlugParams,
        body: TokenBody,
        response: responses({ 200: TokenResultSchema }),
      },
    },
    async (request) => setSubscriptionByToken(request.ctx, request.body.token, true),
  );

  app.get(
    '/daycare/free-places/staff',
    {
      schema: {
        operationId: 'listStaffFreePlaces',
        tags,
        summary: 'The current free places of the units the staff member manages (admin: all)',
        params: SlugParams,
        response: responses({ 200: StaffFreePlacesSchema }),
      },
    },
    async (request) => listStaffFreePlaces(request.ctx),
  );

  app.post(
    '/daycare/free-places',
    {
      schema: {
        operationId: 'recordFreePlaces',
        tags,
        summary: "Record free places of a unit's age group from a date and alert the subscribers",
        params: SlugParams,
        body: RecordFreePlacesBody,
        response: responses({
          201: Type.Object({ freePlace: FreePlaceSchema, notified: Type.Integer() }),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordFreePlaces(request.ctx, request.body)),
  );

  app.post(
    '/daycare/free-places/:freePlaceId/end',
    {
      schema: {
        operationId: 'endFreePlaces',
        tags,
        summary: 'End a free-place record (the places are taken)',
        params: Type.Object({ slug, freePlaceId: Uuid }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await endFreePlaces(request.ctx, request.params.freePlaceId);
      return reply.status(204).send(null);
    },
  );
};
