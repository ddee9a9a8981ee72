import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { Batcher, perOwner } from './batcher.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type Tx = Transaction<DB>;
export type DatabaseKind = 'pglite' | 'postgresql';

/** The one handle to PostgreSQL, embedded or a server; the rest of the code does not care which. */
export interface Database {
  kind: DatabaseKind;
  kysely: Kysely<DB>;
  /**
   * Subscribe to a NOTIFY channel. Resolves to the unsubscribe function. `onLost` is called
   * if the listening connection breaks (a server restart): announcements may then have been
   * missed, and whoever trusts them (caches) must stop trusting.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball, to clone the database. */
  dumpDataDir?: () => Promise<Blob>;
}

// int8 (bigint ids, counts) as JS numbers on both drivers, so the code sees one type.
pg.types.setTypeParser(20, (value) => Number(value));

export interface DatabaseOptions {
  /** postgres:// URL of a server; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; absent means in memory. */
  dataDir?: string;
  /** Load a PGlite data directory dump (used by the tests to clone a migrated database). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openServer(options.url, options.poolSize ?? 10) : openPGlite(options);
}

async function openPGlite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    // Exclusion constraints on (resource, time range) need btree_gist.
    extensions: { btree_gist },
    parsers: { 20: (value: string) => Number(value) },
  });
  await pglite.waitReady;
  const kysely = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    kysely,
    async listen(channel, onPayload) {
      const unsubscribe = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await unsubscribe();
      };
    },
    async close() {
      await kysely.destroy();
    },
    async dumpDataDir() {
      return pglite.dumpDataDir('none');
    },
  };
}

async function openServer(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on the next checkout.
  pool.on('error', () => undefined);
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgresql',
    kysely,
    async listen(channel, onPayload, onLost) {
      // LISTEN needs its own long-lived connection outside the pool.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      let ended = false;
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      client.on('error', () => undefined);
      client.on('end', () => {
        if (!ended) onLost?.();
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        ended = true;
        const at = listeners.indexOf(client);
        if (at >= 0) listeners.splice(at, 1);
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      // Closing on purpose: the listeners' connections ending is not a loss.
      const closing = listeners.splice(0);
      for (const client of closing) client.removeAllListeners('end');
      await Promise.all(closing.map((client) => client.end().catch(() => undefined)));
      await kysely.destroy();
    },
  };
}

export const APP_ROLE = 'helppo_app';

const announcements = new WeakMap<Tx, Map<string, Set<string>>>();

/**
 * Announce `payload` on a LISTEN channel once the transaction has committed (never if it
 * rolls back). A NOTIFY inside the transaction would hold PostgreSQL's database-wide
 * notification lock from its commit until the commit is flushed to disk, so that every
 * transaction that announces something would commit one at a time; announcing right after
 * the commit keeps commits parallel. Listeners only use announcements to look sooner
 * (the job worker also polls; clients reload what they are told about).
 */
export function notifyAfterCommit(tx: Tx, channel: string, payload: string): void {
  const pending = announcements.get(tx);
  if (!pending) throw new Error('notifyAfterCommit outside inTenant or asSystem');
  if (!pending.has(channel)) pending.set(channel, new Set());
  pending.get(channel)!.add(payload);
}

async function transaction<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const pending = new Map<string, Set<string>>();
  const result = await db.kysely.transaction().execute((tx) => {
    announcements.set(tx, pending);
    return fn(tx);
  });
  const list = [...pending].flatMap(([channel, payloads]) =>
    [...payloads].map((payload) => ({ channel, payload })),
  );
  if (list.length > 0) {
    deliverLocally(db, list);
    await announce(db, list);
  }
  return result;
}

const localListeners = new WeakMap<Database, Map<string, Set<(payload: string) => void>>>();

/**
 * Hear this process's own announcements on `channel` synchronously, the moment their
 * transaction has committed and before it returns to its caller. Caches use this beside
 * `listen` (which hears every process, a little later): what a request has just written is
 * then never read back stale from a cache of the same process. Returns the unsubscribe.
 */
export function onCommittedLocally(
  db: Database,
  channel: string,
  listener: (payload: string) => void,
): () => void {
  let channels = localListeners.get(db);
  if (!channels) localListeners.set(db, (channels = new Map()));
  const set = channels.get(channel) ?? new Set();
  channels.set(channel, set);
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

function deliverLocally(db: Database, list: { channel: string; payload: string }[]) {
  const channels = localListeners.get(db);
  if (!channels) return;
  for (const { channel, payload } of list) {
    for (const listener of channels.get(channel) ?? []) listener(payload);
  }
}

/**
 * Send committed announcements. Every NOTIFY statement is a small transaction of its own that
 * takes the database-wide notification lock, so the announcements of transactions that commit
 * close together go out in one statement: while one is being sent, the next ones gather.
 */
const announcer = perOwner(
  (db: Database) =>
    new Batcher<{ channel: string; payload: string }, void>(
      async (batch) => {
        const list = batch.map((b) => b.input);
        // Committed already: a lost announcement only delays a listener, so it is not an error.
        await sql`select pg_notify(c, p)
          from unnest(${list.map((a) => a.channel)}::text[], ${list.map((a) => a.payload)}::text[])
               as a(c, p)`
          .execute(db.kysely)
          .catch(() => undefined);
        for (const pending of batch) pending.resolve();
      },
      { concurrency: 1 },
    ),
);

async function announce(db: Database, list: { channel: string; payload: string }[]) {
  await announcer(db).addAll(list);
}

/**
 * Run `fn` in a transaction as the application role with the municipality set, so that the
 * row-level security policies confine every statement to that municipality. Pass null for
 * work that belongs to no municipality (login, the municipality chooser): then no
 * tenant-owned row is visible at all.
 */
export async function inTenant<T>(
  db: Database,
  municipalityId: string | null,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return transaction(db, async (tx) => {
    await sql`select set_config('role', ${APP_ROLE}, true), set_config('app.municipality_id', ${municipalityId ?? ''}, true)`.execute(
      tx,
    );
    return fn(tx);
  });
}

/** Switch the municipality of an inTenant transaction once it is known. */
export async function setMunicipality(tx: Tx, municipalityId: string): Promise<void> {
  await sql`select set_config('app.municipality_id', ${municipalityId}, true)`.execute(tx);
}

/**
 * Run `fn` in a transaction as the owner role, which row-level security does not confine.
 * Only for work that spans municipalities by design: migrations, demo data, the job worker.
 */
export async function asSystem<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(db, fn);
}

/**
 * Insert rows given column by column: `insert … select * from unnest(…)`, one short statement
 * with one parameter per column however many rows, where a VALUES list carries one per cell (a
 * rush batch's audit records alone made 3 000). Each column is its PostgreSQL type (a constant
 * of the caller's code, never input) and its values, all columns of the same length.
 */
export async function insertColumns(
  tx: Tx,
  table: keyof DB & string,
  columns: Record<string, [type: string, values: unknown[]]>,
): Promise<void> {
  const entries = Object.entries(columns);
  await sql`insert into ${sql.table(table)} (${sql.join(entries.map(([name]) => sql.ref(name)))})
    select * from unnest(${sql.join(
      entries.map(([, [type, values]]) => sql`${values}::${sql.raw(type)}[]`),
    )})`.execute(tx);
}

/** An ILIKE pattern that finds `text` anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
