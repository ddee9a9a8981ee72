import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/config.js';
import { sql } from 'kysely';
import { asSystem, openDatabase, type Database } from '../src/platform/db/database.js';
import { createRuntime, type Runtime } from '../src/runtime.js';
import { withDatabase } from './global-setup.js';

export const isServer = () => Boolean(process.env.TEST_DATABASE_URL);

/**
 * A fresh database cloned from the migrated and seeded template: a PGlite copy in memory, or
 * a new PostgreSQL database from the template. `url` is set for a server database, so a test
 * can start a second process-like runtime on the same data.
 */
export async function cloneDatabase(): Promise<{
  db: Database;
  url?: string;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `helppo_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('templateDatabase')}`);
    const url = withDatabase(serverUrl, name);
    const db = await openDatabase({ url, poolSize: 5 });
    return {
      db,
      url,
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
        await admin.end();
      },
    };
  }
  const dump = new Blob([readFileSync(inject('templateDump'))]);
  const db = await openDatabase({ loadDataDir: dump });
  return { db, drop: async () => undefined };
}

/** A new database with nothing in it, not even the migrations: a fresh installation. */
export async function emptyDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { db: await openDatabase({}), drop: async () => undefined };
  const name = `helppo_empty_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const db = await openDatabase({ url: withDatabase(serverUrl, name), poolSize: 2 });
  return {
    db,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    HELPPO_MODE: 'demo',
    JOB_WORKER: 'false',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    DEMO_IDP: 'false',
    // The API tests do not depend on whether (or while) the web app is built; e2e covers it.
    WEB_DIST_DIR: '/nonexistent/helppo-web-dist',
    ...overrides,
  });
}

export interface TestRuntime extends Runtime {
  url?: string;
}

/** A whole Helppo on a cloned database, driven with inject() (or listen() where needed). */
export async function startRuntime(
  overrides: Record<string, string> = {},
  database?: { db: Database; url?: string },
  configPatch: Partial<Config> = {},
): Promise<TestRuntime & { dispose: () => Promise<void> }> {
  const cloned = database ?? (await cloneDatabase());
  const runtime = await createRuntime(
    { ...testConfig(overrides), ...configPatch },
    { db: cloned.db },
  );
  return {
    ...runtime,
    url: cloned.url,
    dispose: async () => {
      await runtime.close();
      if (!database) {
        await cloned.db.close();
        await (cloned as { drop?: () => Promise<void> }).drop?.();
      }
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF token on state-changing calls. */
export class Client {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(
    private readonly app: FastifyInstance,
    readonly slug = 'tyrskyla',
    private readonly language = 'fi',
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const url = path.startsWith('/') ? path : `/api/${this.slug}/${path}`;
    const unsafe = !['GET', 'HEAD'].includes(method);
    if (unsafe && !this.csrfToken) await this.refresh();
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        cookie: this.cookieHeader(),
        'accept-language': this.language,
        ...(unsafe ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload:
        body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    this.remember(response);
    return response;
  }

  get = (path: string, headers?: Record<string, string>) =>
    this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body?: unknown) => this.request('PUT', path, body ?? {});
  delete = (path: string) => this.request('DELETE', path);

  /** getCurrentUser: refreshes the CSRF token as the web app does. */
  async refresh() {
    const response = await this.get('session');
    this.csrfToken = (response.json() as { csrfToken: string }).csrfToken;
    return response;
  }

  async login(email: string, password = 'demo') {
    const response = await this.post('session', { email, password });
    if (response.statusCode === 200)
      this.csrfToken = (response.json() as { csrfToken: string }).csrfToken;
    return response;
  }

  /** The same browser talking to another app instance (a restarted server, another process). */
  withApp(app: FastifyInstance): Client {
    const copy = new Client(app, this.slug, this.language);
    copy.cookies = new Map(this.cookies);
    copy.csrfToken = this.csrfToken;
    return copy;
  }

  hasCookie(name: string) {
    return this.cookies.has(name);
  }
}

export async function loggedIn(app: FastifyInstance, email: string, slug = 'tyrskyla') {
  const client = new Client(app, slug);
  const response = await client.login(email);
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.body}`);
  return client;
}

/**
 * The instant (ISO) of a local Helsinki time `days` after a date (default: today), computed
 * by PostgreSQL as the product does. Call it outside any open transaction: on PGlite a
 * transaction inside another would wait for itself.
 */
export async function localInstant(db: Database, days: number, time: string, from?: string) {
  return asSystem(db, async (tx) => {
    const base = from ? sql`${from}::date` : sql`current_date`;
    const result = await sql<{ t: Date }>`
      select ((${base} + ${days}::int) + ${time}::time) at time zone 'Europe/Helsinki' as t`.execute(
      tx,
    );
    return result.rows[0]!.t.toISOString();
  });
}

/**
 * Make the demo sauna free of charge, so that a booking of it is confirmed at once (the paid
 * path, where the door PIN comes with the payment, is tested in booking-payments.test.ts).
 */
export async function freeSauna(db: Database) {
  await asSystem(db, (tx) =>
    tx
      .updateTable('resources')
      .set({ price_product_id: null })
      .where('name_fi', '=', 'Rantasauna')
      .execute(),
  );
}
