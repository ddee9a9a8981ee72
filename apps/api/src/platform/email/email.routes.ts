import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { inTenant } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { requireRole } from '../http/context.js';
import { DateTime, SlugParams, Uuid, responses } from '../http/schemas.js';

export const emailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/emails',
    {
      schema: {
        operationId: 'listOutboxEmails',
        tags: ['admin'],
        summary: 'Emails sent or kept (demo mode) by this municipality, newest first',
        params: SlugParams,
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                to: Type.String(),
                subject: Type.String(),
                text: Type.String(),
                status: Type.String(),
                createdAt: DateTime,
                sentAt: Type.Union([DateTime, Type.Null()]),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => {
      const ctx = request.ctx;
      requireRole(ctx, 'admin');
      return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
        const rows = await tx
          .selectFrom('email_outbox')
          .select(['id', 'to_address', 'subject', 'text_body', 'status', 'created_at', 'sent_at'])
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .limit(100)
          .execute();
        await audit(tx, ctx, 'email.list', null, { count: rows.length });
        return {
          items: rows.map((row) => ({
            id: row.id,
            to: row.to_address,
            subject: row.subject,
            text: row.text_body,
            status: row.status,
            createdAt: row.created_at.toISOString(),
            sentAt: row.sent_at?.toISOString() ?? null,
          })),
        };
      });
    },
  );
};
