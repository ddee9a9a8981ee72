import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import { migrationVersion } from '../db/migrate.js';

/** Health, metrics and the OpenAPI document: outside any municipality. */
export function registerOpsRoutes(app: FastifyInstance) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'helppo_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'helppo_notification_streams',
    help: 'Open notification streams in this process',
    registers: [registry],
    collect() {
      this.set(app.deps.hub.connectionCount);
    },
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['platform'],
        summary: 'Liveness, database kind and migration version',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
            migrationVersion: Type.Integer(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      database: app.deps.db.kind,
      migrationVersion: await migrationVersion(app.deps.db),
    }),
  );

  app.get(
    '/metrics',
    {
      schema: {
        operationId: 'getMetrics',
        tags: ['platform'],
        summary: 'Prometheus metrics',
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
