import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateTime, NoContent, SlugParams, Uuid, responses } from '../../platform/http/schemas.js';
import * as service from './messages.js';
import { AttachmentsInput, attachmentRoutes } from './messages.attachments.routes.js';
import {
  Kind,
  MessageThreadSchema,
  MessageThreadSummarySchema,
  TargetProps,
  ThreadParams,
  Unread,
} from './messages.schema.js';

import { unreadCache } from './messages.repo.js';

export { MessageThreadSchema, MessageThreadSummarySchema };
import { ATTACHMENT_BODY_LIMIT } from './messages.attachments.js';

/** Daycare messages between guardians and staff. */
export const messageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The badge cache listens for counter changes before the first request.
  await unreadCache(app.deps.db).ready;
  await app.register(attachmentRoutes);

  app.get(
    '/messages/threads',
    {
      schema: {
        operationId: 'listMessageThreads',
        tags: ['messages'],
        summary: "The signed-in person's message threads (inbox or archive), newest first",
        params: SlugParams,
        querystring: Type.Object(
          {
            archived: Type.Optional(Type.Boolean()),
            q: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            items: Type.Array(Type.Ref(MessageThreadSummarySchema)),
            unreadCount: Type.Integer(),
          }),
        }),
      },
    },
    async (request) => service.listMessageThreads(request.ctx, request.query),
  );

  app.get(
    '/messages/unread',
    {
      schema: {
        operationId: 'getUnreadCount',
        tags: ['messages'],
        summary: 'How many unread messages the signed-in person has (a counter, O(1))',
        params: SlugParams,
        response: responses({ 200: Unread }),
      },
    },
    async (request) => service.getUnreadCount(request.ctx),
  );

  app.post(
    '/messages/recipients',
    {
      schema: {
        operationId: 'previewMessageRecipients',
        tags: ['messages'],
        summary:
          "Who a message would go to: the guardians of the children placed there today (or the child's staff)",
        params: SlugParams,
        body: Type.Object(TargetProps, { additionalProperties: false }),
        response: responses({
          200: Type.Object({
            count: Type.Integer(),
            recipients: Type.Array(
              Type.Object({ id: Uuid, name: Type.String(), children: Type.Array(Type.String()) }),
            ),
          }),
        }),
      },
    },
    async (request) => service.previewRecipients(request.ctx, request.body),
  );

  app.post(
    '/messages/threads',
    {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        operationId: 'sendMessage',
        tags: ['messages'],
        summary: 'Send a new bulletin or message to a child, a group, a unit or every unit',
        params: SlugParams,
        body: Type.Object(
          {
            ...TargetProps,
            kind: Kind,
            title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
            body: Type.String({ minLength: 1, maxLength: 10000, pattern: '\\S' }),
            urgent: Type.Boolean({ default: false }),
            requiresAck: Type.Boolean({ default: false }),
            attachments: AttachmentsInput,
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Uuid, recipients: Type.Integer() }) }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.sendMessage(request.ctx, request.body)),
  );

  app.get(
    '/messages/threads/:threadId',
    {
      schema: {
        operationId: 'getMessageThread',
        tags: ['messages'],
        summary: 'A thread with its messages (a participant only; everyone else gets 404)',
        params: ThreadParams,
        response: responses({ 200: Type.Ref(MessageThreadSchema) }),
      },
    },
    async (request) => service.getMessageThread(request.ctx, request.params.threadId),
  );

  app.post(
    '/messages/threads/:threadId/replies',
    {
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        operationId: 'replyToThread',
        tags: ['messages'],
        params: ThreadParams,
        body: Type.Object(
          {
            body: Type.String({ minLength: 1, maxLength: 10000, pattern: '\\S' }),
            attachments: AttachmentsInput,
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Type.Object({ id: Uuid }) }),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.replyToThread(
            request.ctx,
            request.params.threadId,
            request.body.body,
            request.body.attachments,
          ),
        ),
  );

  app.post(
    '/messages/threads/:threadId/read',
    {
      schema: {
        operationId: 'markThreadRead',
        tags: ['messages'],
        params: ThreadParams,
        response: responses({ 200: Unread }),
      },
    },
    async (request) => service.markThreadRead(request.ctx, request.params.threadId),
  );

  app.post(
    '/messages/threads/:threadId/unread',
    {
      schema: {
        operationId: 'markThreadUnread',
        tags: ['messages'],
        params: ThreadParams,
        response: responses({ 200: Unread }),
      },
    },
    async (request) => service.markThreadUnread(request.ctx, request.params.threadId),
  );

  app.post(
    '/messages/threads/:threadId/archive',
    {
      schema: {
        operationId: 'archiveThread',
        tags: ['messages'],
        params: ThreadParams,
        body: Type.Object({ archived: Type.Boolean() }, { additionalProperties: false }),
        response: responses({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      await service.archiveThread(request.ctx, request.params.threadId, request.body.archived);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/messages/threads/:threadId/acknowledge',
    {
      schema: {
        operationId: 'acknowledgeMessage',
        tags: ['messages'],
        summary: '"Read and understood": a guardian acknowledges a message that asks for it',
        params: ThreadParams,
        response: responses({ 200: Type.Object({ acknowledgedAt: DateTime }) }),
      },
    },
    async (request) => service.acknowledgeMessage(request.ctx, request.params.threadId),
  );

  app.post(
    '/messages/threads/:threadId/remind',
    {
      schema: {
        operationId: 'remindUnacknowledged',
        tags: ['messages'],
        summary: 'Remind every guardian who has not acknowledged the message',
        params: ThreadParams,
        response: responses({ 200: Type.Object({ reminded: Type.Integer() }) }),
      },
    },
    async (request) => service.remindUnacknowledged(request.ctx, request.params.threadId),
  );
};
