import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../config.js';
import { createRuntime } from '../../runtime.js';
import { asSystem } from '../db/database.js';
import { emptyDatabase, isServer, startRuntime, testConfig } from '../../../test/helpers.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  rt = await startRuntime({ HOST_MUNICIPALITIES: 'palvelut.tyrskyla.fi=tyrskyla' });
});
afterAll(async () => rt?.dispose());

describe('operations endpoints', () => {
  it('publishes OpenAPI 3 with an operationId and a tag on every operation', async () => {
    const response = await rt.app.inject('/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json() as {
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ where: `${method} ${path}`, ...op })),
    );
    expect(operations.filter((op) => !op.operationId || !op.tags?.length)).toEqual([]);
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['login', 'logout', 'getCurrentUser']));
  });

  it('serves the API documentation at /docs', async () => {
    const response = await rt.app.inject('/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('reports health with the database kind and migration version', async () => {
    const health = (await rt.app.inject('/health')).json();
    expect(health).toEqual({
      status: 'ok',
      database: isServer() ? 'postgresql' : 'pglite',
      migrationVersion: expect.any(Number),
    });
    expect(health.migrationVersion).toBeGreaterThanOrEqual(1);
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await rt.app.inject('/api/tyrskyla/municipality');
    const metrics = await rt.app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('helppo_http_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(/route="\/api\/:slug\/municipality"/);
    expect(metrics.body).toContain('process_cpu_seconds_total');
  });

  it('tags every response with a request id, keeping a sane one from the caller', async () => {
    const own = await rt.app.inject({ url: '/health', headers: { 'x-request-id': 'lb-123' } });
    expect(own.headers['x-request-id']).toBe('lb-123');
    const bad = await rt.app.inject({ url: '/health', headers: { 'x-request-id': '<script>' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(bad.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends a municipality host name to its front page', async () => {
    const response = await rt.app.inject({ url: '/', headers: { host: 'palvelut.tyrskyla.fi' } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/tyrskyla/');
  });

  it('never shows a stack trace to a client', async () => {
    const response = await rt.app.inject({
      method: 'POST',
      url: '/api/tyrskyla/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken',
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('configuration', () => {
  it('refuses invalid values at boot, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ HELPPO_MODE: 'production' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ HOST_MUNICIPALITIES: 'nonsense' })).toThrow(/HOST_MUNICIPALITIES/);
    const production = { HELPPO_MODE: 'production', PUBLIC_URL: 'https://x.example' };
    expect(() => loadConfig(production)).toThrow(/PAYTRAIL_ACCOUNT/);
    expect(() => loadConfig({ ...production, PAYMENT_PROVIDER: 'demo' })).toThrow(
      /demo payment provider/,
    );
  });

  it('defaults to demo mode on embedded PGlite in ./data', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('demo');
    expect(config.database.url).toBeUndefined();
    // ./data/ at the top of the repository, not of the folder npm runs the server in.
    expect(config.database.pgliteDir).toBe(
      fileURLToPath(new URL('../../../../../data/pglite', import.meta.url)),
    );
    expect(config.port).toBe(3000);
    expect(config.cookieSecure).toBe(false);
  });

  it('seeds no demo data in production mode', async () => {
    const { db, drop } = await emptyDatabase();
    try {
      const production = await createRuntime(
        testConfig({
          HELPPO_MODE: 'production',
          PUBLIC_URL: 'https://helppo.example',
          PAYTRAIL_ACCOUNT: '375917',
          PAYTRAIL_SECRET: 'SAIPPUAKAUPPIAS',
        }),
        { db },
      );
      const count = await asSystem(db, (tx) => tx.selectFrom('people').select('id').execute());
      expect(count).toEqual([]);
      const municipalities = await asSystem(db, (tx) =>
        tx.selectFrom('municipalities').select('id').execute(),
      );
      expect(municipalities).toEqual([]);
      expect(production.app.initialConfig).toBeDefined();
      await production.close();
      const secure = testConfig({
        HELPPO_MODE: 'production',
        PUBLIC_URL: 'https://x.example',
        PAYTRAIL_ACCOUNT: '1',
        PAYTRAIL_SECRET: 'secret-secret',
      }).cookieSecure;
      expect(secure).toBe(true);
    } finally {
      await db.close();
      await drop();
    }
  });
});
