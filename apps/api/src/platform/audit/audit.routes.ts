import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { inTenant } from '../db/database.js';
import { requireRole } from '../http/context.js';
import { DateTime, SlugParams, responses } from '../http/schemas.js';
import { audit } from './audit.js';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/admin/audit',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags: ['admin'],
        summary: "The municipality's audit log, newest first",
        params: SlugParams,
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            before: Type.Optional(DateTime),
          },
          { additionalProperties: false },
        ),
        response: responses({
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Integer(),
                at: DateTime,
                actorName: Type.Union([Type.String(), Type.Null()]),
                action: Type.String(),
                target: Type.Union([Type.String(), Type.Null()]),
                requestId: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        }),
      },
    },
    async (request) => {
      const ctx = request.ctx;
      requireRole(ctx, 'admin');
      const { limit = 50, before } = request.query;
      return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
        let q = tx
          .selectFrom('audit_events')
          .leftJoin('people', 'people.id', 'audit_events.actor_person_id')
          .select([
            'audit_events.id',
            'audit_events.at',
            'people.name as actorName',
            'audit_events.action',
            'audit_events.target',
            'audit_events.request_id as requestId',
          ])
          .orderBy('audit_events.at', 'desc')
          .orderBy('audit_events.id', 'desc')
          .limit(limit);
        if (before) q = q.where('audit_events.at', '<', new Date(before));
        const rows = await q.execute();
        await audit(tx, ctx, 'audit.list', null, { count: rows.length });
        return { items: rows.map((row) => ({ ...row, at: row.at.toISOString() })) };
      });
    },
  );
};
