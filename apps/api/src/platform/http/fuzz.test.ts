import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime } from '../../../test/helpers.js';

/**
 * Bad-input fuzzing: every operation in /openapi.json gets schema-violating input (missing
 * and unknown fields, wrong types, huge strings, broken JSON, odd path segments) from a
 * logged-in administrator with a valid CSRF token, so the input reaches the handlers. No
 * answer may be a 5xx, and every error must be a problem document.
 */
interface Operation {
  method: string;
  path: string;
  operationId: string;
  bodySchema?: { properties?: Record<string, unknown>; required?: string[] };
}

let rt: Awaited<ReturnType<typeof startRuntime>>;
let admin: Client;
let operations: Operation[] = [];

beforeAll(async () => {
  rt = await startRuntime();
  admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
  const doc = (await rt.app.inject('/openapi.json')).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          requestBody?: { content: Record<string, { schema: Operation['bodySchema'] }> };
        }
      >
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      operationId: op.operationId,
      bodySchema: op.requestBody?.content['application/json']?.schema,
    })),
  );
});
afterAll(async () => rt?.dispose());

const hugeString = 'å'.repeat(300_000);
/** Keep failure messages readable: the huge inputs would drown them. */
const short = (text: string) =>
  text.length > 200 ? `${text.slice(0, 200)}…(${text.length})` : text;
const segment = fc.oneof(
  fc.constant('tyrskyla'),
  fc.uuid(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('..', '%00', '%2e%2e%2f', 'x'.repeat(300), 'ä ö', '-1', '1e309', 'null', '%ZZ'),
);
const jsonValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 30 }),
  fc.constant(hugeString),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

function bodyArbitrary(op: Operation) {
  const properties = Object.keys(op.bodySchema?.properties ?? {});
  const objectWith = (keys: string[]) =>
    fc.record(Object.fromEntries(keys.map((k) => [k, jsonValue])), { requiredKeys: [] });
  return fc.oneof(
    fc.constant(undefined),
    jsonValue.map((v) => JSON.stringify(v)),
    fc.constantFrom('{', '{"a":', '[1,2', 'not json', '{"__proto__":{"polluted":1}}'),
    objectWith(properties).map((o) => JSON.stringify(o)),
    fc
      .tuple(objectWith(properties), fc.string({ minLength: 1, maxLength: 10 }))
      .map(([o, extra]) => JSON.stringify({ ...o, [`unknown_${extra}`]: 1 })),
  );
}

const query = fc.dictionary(
  fc.constantFrom('q', 'limit', 'before', 'returnTo', 'state', 'code', 'x'),
  fc.oneof(fc.string({ maxLength: 20 }), fc.constant('9'.repeat(400)), fc.constant('-5')),
  { maxKeys: 3 },
);

describe('bad input never causes a 5xx', () => {
  it('covers every operation', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
  });

  it('for every operation in the OpenAPI document', async () => {
    // The event stream stays open by design; it is fuzzed through its path parameters only.
    const fuzzable = operations.filter((op) => op.operationId !== 'streamNotifications');
    for (const op of fuzzable) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: 3, maxLength: 3 }),
          query,
          bodyArbitrary(op),
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          async (segments, params, body, contentType) => {
            let i = 0;
            const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(segments[i++]!));
            const search = new URLSearchParams(params).toString();
            const response = await admin.request(
              op.method,
              path + (search ? `?${search}` : ''),
              body,
              {
                ...(body !== undefined ? { 'content-type': contentType } : {}),
              },
            );
            if (op.operationId === 'logout' || op.operationId === 'logoutEverywhere') {
              admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
            }
            expect(
              response.statusCode,
              `${op.operationId} ${op.method} ${short(path)}: ${short(response.body)}`,
            ).toBeLessThan(500);
            const apiPath = new URL(path, 'http://localhost').pathname.startsWith('/api/');
            if (response.statusCode >= 400 && apiPath) {
              expect(response.headers['content-type']).toContain('application/problem+json');
              expect(response.json().title).toBeTruthy();
            }
          },
        ),
        { numRuns: 40 },
      );
    }
    // Forty runs of every operation: the sweep grows with the API, not a time limit to meet.
  }, 300_000);

  it('the event stream refuses bad path parameters cleanly', async () => {
    for (const slug of ['x'.repeat(5000), '%00', 'Ä']) {
      const response = await admin.get(`/api/${encodeURIComponent(slug)}/notifications/stream`);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
  });

  it('refuses values the schema lets through but the database cannot take (found by fuzzing)', async () => {
    for (const query of [`limit=${'9'.repeat(400)}`, 'before=2020-01-01T23:59:60Z']) {
      const response = await admin.get(`admin/audit?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('names the fields of a validation error and writes nothing', async () => {
    const before = (await admin.get('admin/people')).json();
    const response = await admin.post('admin/role-grants', {
      email: 'a@b.example',
      role: 'emperor',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.role', message: 'Virheellinen arvo' }]);
    const unknown = await admin.post('admin/role-grants', {
      email: 'a@b.example',
      role: 'admin',
      x: 1,
    });
    expect(unknown.json().errors).toEqual([{ field: 'body.x', message: 'Tuntematon kenttä' }]);
    const wrongType = await admin.post('admin/role-grants', { email: {}, role: 'admin' });
    expect(wrongType.json().errors).toEqual([
      { field: 'body.email', message: 'Väärän tyyppinen arvo' },
    ]);
    expect((await admin.get('admin/people')).json()).toEqual(before);
  });
});
