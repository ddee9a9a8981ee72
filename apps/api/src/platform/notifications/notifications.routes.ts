import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../http/context.js';
import { unauthenticated } from '../http/errors.js';
import { DateTime, NoContent, SlugParams, Uuid, responses } from '../http/schemas.js';
import { RoleSchema } from '../municipality/municipality.routes.js';
import * as service from './notifications.service.js';
import { streamCounters } from './hub.js';
import { CounterBatch } from './counter-batch.js';

export const NotificationSchema = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    body: Type.String(),
    link: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    readAt: Type.Union([DateTime, Type.Null()]),
  },
  { $id: 'Notification' },
);

const HEARTBEAT_MS = 25_000;

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const heartbeatMs = app.deps.config.streamHeartbeatMs ?? HEARTBEAT_MS;
  // A counter that changes for many people at once is read for all their streams together.
  const counterBatch = new CounterBatch(app.deps.db);
  app.get(
    '/notifications',
    {
      schema: {
        operationId: 'listNotifications',
        tags: ['notifications'],
        summary: "The logged-in person's notifications, newest first, and the unread count",
        params: SlugParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            items: Type.Array(Type.Ref(NotificationSchema)),
            unreadCount: Type.Integer(),
          }),
        }),
      },
    },
    async (request) => service.listNotifications(request.ctx, request.query.limit ?? 50),
  );

  app.post(
    '/notifications/:notificationId/read',
    {
      schema: {
        operationId: 'markNotificationRead',
        tags: ['notifications'],
        params: Type.Object({ slug: SlugParams.properties.slug, notificationId: Uuid }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await service.markRead(request.ctx, request.params.notificationId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        operationId: 'markAllNotificationsRead',
        tags: ['notifications'],
        params: SlugParams,
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await service.markRead(request.ctx, null);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/notifications/stream',
    {
      schema: {
        operationId: 'streamNotifications',
        tags: ['notifications'],
        summary:
          'Server-Sent Events: `unread` ({unreadCount}) at start and on every change, `notification` (a Notification) when one arrives, and `messages` ({unreadCount}: unread daycare messages) at start and on every change',
        params: SlugParams,
        response: responses({ 200: Type.String({ description: 'text/event-stream' }) }),
      },
    },
    async (request, reply) => {
      const ctx = request.ctx;
      requireUser(ctx);
      const { hub } = app.deps;
      const initial = await service.getForStream(ctx, undefined, [...streamCounters.keys()]);
      if (!initial) throw unauthenticated();
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      const send = (event: string, data: unknown) =>
        raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send('unread', { unreadCount: initial.unreadCount });
      for (const [name, unreadCount] of Object.entries(initial.counters)) {
        send(name, { unreadCount });
      }

      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        raw.end();
      };
      const unsubscribe = hub.subscribe(ctx.municipality.id, ctx.actor.personId, {
        onEvent: (event) => {
          if (event.kind === 'counter' && event.counter) {
            const name = event.counter;
            counterBatch
              .read(ctx.municipality.id, name, ctx.actor.personId, ctx.actor.sessionId)
              .then((unreadCount) => {
                if (closed) return;
                if (unreadCount === null) return close();
                send(name, { unreadCount });
              })
              .catch((error: unknown) => request.log.warn({ err: error }, 'stream update failed'));
            return;
          }
          service
            .getForStream(ctx, event.notificationId, event.counter ? [event.counter] : [])
            .then((update) => {
              if (closed) return;
              if (!update) return close();
              if (event.kind === 'counter') {
                for (const [name, unreadCount] of Object.entries(update.counters)) {
                  send(name, { unreadCount });
                }
                return;
              }
              if (update.notification) send('notification', update.notification);
              send('unread', { unreadCount: update.unreadCount });
            })
            .catch((error: unknown) => request.log.warn({ err: error }, 'stream update failed'));
        },
        onClose: close,
      });
      // The heartbeat keeps proxies from closing an idle stream and ends the stream when the
      // session has ended in the meantime.
      const heartbeat = setInterval(() => {
        service
          .getForStream(ctx, undefined)
          .then((update) => (update ? raw.write(': keep-alive\n\n') : close()))
          .catch(() => close());
      }, heartbeatMs);
      request.raw.on('close', close);
    },
  );

  app.post(
    '/admin/notifications',
    {
      schema: {
        operationId: 'sendNotification',
        tags: ['admin'],
        summary: 'Send an announcement to one person or to everyone holding a role',
        params: SlugParams,
        body: Type.Object(
          {
            role: Type.Optional(RoleSchema),
            personId: Type.Optional(Uuid),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            body: Type.String({ minLength: 1, maxLength: 4000 }),
            link: Type.Optional(Type.String({ maxLength: 500, pattern: '^/' })),
            email: Type.Boolean(),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ recipients: Type.Integer() }) }),
      },
    },
    async (request) => ({ recipients: await service.sendAnnouncement(request.ctx, request.body) }),
  );
};
