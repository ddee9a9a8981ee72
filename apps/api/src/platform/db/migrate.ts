import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type QueryExecutorProvider } from 'kysely';
import type { Database } from './database.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: readFileSync(dir + file, 'utf8'),
    }));
}

/**
 * Apply the forward-only numbered migrations that are not yet applied, each in its own
 * transaction. An advisory lock keeps two processes starting at once from racing.
 * Returns the version the database is at.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<number> {
  return db.kysely.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(775511)`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const applied = await sql<{
        version: number;
      }>`select version from schema_migrations`.execute(conn);
      const done = new Set(applied.rows.map((row) => row.version));
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await conn.transaction().execute(async (tx) => {
          await sql.raw(migration.sql).execute(tx);
          await sql`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`.execute(
            tx,
          );
        });
      }
      return currentVersion(conn);
    } finally {
      await sql`select pg_advisory_unlock(775511)`.execute(conn);
    }
  });
}

export async function migrationVersion(db: Database): Promise<number> {
  return currentVersion(db.kysely);
}

async function currentVersion(executor: QueryExecutorProvider) {
  const result = await sql<{
    version: number | null;
  }>`select max(version)::int as version from schema_migrations`.execute(executor);
  return result.rows[0]?.version ?? 0;
}
