import { Type } from '@sinclair/typebox';
import { DateTime, Uuid } from '../../platform/http/schemas.js';
import { slug } from './daycare.schema.js';
import { AttachmentSchema } from './messages.attachments.routes.js';

/** The schemas of the messages API (the routes are in messages.routes.ts). */

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const Kind = Type.Union([Type.Literal('bulletin'), Type.Literal('message')]);
export const Scope = Type.Union([
  Type.Literal('child'),
  Type.Literal('group'),
  Type.Literal('unit'),
  Type.Literal('municipality'),
]);
export const TargetProps = {
  scope: Scope,
  childId: Type.Optional(Uuid),
  groupId: Type.Optional(Uuid),
  unitId: Type.Optional(Uuid),
};
export const ThreadParams = Type.Object({ slug, threadId: Uuid });
export const Unread = Type.Object({ unreadCount: Type.Integer() });

export const MessageThreadSummarySchema = Type.Object(
  {
    id: Uuid,
    kind: Kind,
    title: Type.String(),
    urgent: Type.Boolean(),
    requiresAck: Type.Boolean(),
    scope: Scope,
    from: Type.String(),
    mine: Type.Boolean(),
    lastMessageAt: DateTime,
    preview: Type.String(),
    unreadCount: Type.Integer(),
    acknowledgedAt: Nullable(DateTime),
    archived: Type.Boolean(),
  },
  { $id: 'MessageThreadSummary' },
);

export const MessageThreadSchema = Type.Object(
  {
    id: Uuid,
    kind: Kind,
    title: Type.String(),
    urgent: Type.Boolean(),
    requiresAck: Type.Boolean(),
    scope: Scope,
    from: Type.String(),
    mine: Type.Boolean(),
    canReply: Type.Boolean(),
    unreadCount: Type.Integer(),
    archived: Type.Boolean(),
    acknowledgedAt: Nullable(DateTime),
    messages: Type.Array(
      Type.Object({
        id: Uuid,
        authorName: Type.String(),
        mine: Type.Boolean(),
        body: Type.String(),
        createdAt: DateTime,
        attachments: Type.Array(AttachmentSchema),
      }),
    ),
    participants: Type.Array(
      Type.Object({
        name: Type.String(),
        role: Type.Union([Type.Literal('guardian'), Type.Literal('staff')]),
      }),
    ),
    acknowledgements: Type.Union([
      Type.Array(
        Type.Object({
          personId: Uuid,
          name: Type.String(),
          acknowledgedAt: Nullable(DateTime),
          remindedAt: Nullable(DateTime),
        }),
      ),
      Type.Null(),
    ]),
  },
  { $id: 'MessageThread' },
);
