import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { seedDemoData } from '../src/platform/demo/seed.js';

/**
 * Migrate and seed one database before the tests, then let every test file clone it: a
 * PGlite data directory dump, or a PostgreSQL template database when TEST_DATABASE_URL is
 * set. Creating a fresh database per file from scratch would cost seconds and memory each.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `helppo_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const db = await openDatabase({ url: withDatabase(serverUrl, template), poolSize: 2 });
    await migrate(db);
    await seedDemoData(db);
    await db.close();
    project.provide('templateDatabase', template);
    return async () => {
      await admin.query(`drop database if exists ${template}`).catch(() => undefined);
      await admin.end();
    };
  }
  const db = await openDatabase({});
  await migrate(db);
  await seedDemoData(db);
  const dump = await dumpPGlite(db);
  const file = join(tmpdir(), `helppo-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('templateDump', file);
  return undefined;
}

async function dumpPGlite(db: Awaited<ReturnType<typeof openDatabase>>): Promise<Blob> {
  if (!db.dumpDataDir) throw new Error('not a PGlite database');
  return db.dumpDataDir();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + database;
  return parsed.href;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDatabase: string;
  }
}
