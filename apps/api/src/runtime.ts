import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { seedDemoData } from './platform/demo/seed.js';
import { NotificationHub } from './platform/notifications/hub.js';
import { JobWorker } from './platform/jobs/worker.js';
import { emailHandlers } from './platform/email/outbox.js';
import { discoverOidc } from './platform/auth/oidc.js';

export interface Runtime {
  app: FastifyInstance;
  db: Database;
  worker: JobWorker | null;
  hub: NotificationHub;
  close(): Promise<void>;
}

/**
 * Everything a running Helppo needs, wired together: database (migrated, demo data in demo
 * mode), the real-time hub, the job worker and the HTTP app. server.ts and the tests share it.
 */
export async function createRuntime(
  config: Config,
  options: { db?: Database; logger?: boolean | object } = {},
): Promise<Runtime> {
  const db =
    options.db ??
    (await openDatabase({
      url: config.database.url,
      dataDir: config.database.pgliteDir,
      poolSize: config.database.poolSize,
    }));
  await migrate(db);
  if (config.mode === 'demo') await seedDemoData(db);
  const hub = new NotificationHub(db);
  await hub.start();
  const oidc = config.oidc ? await discoverOidc(config.oidc) : null;
  const app = await buildApp({ config, db, hub, oidc, logger: options.logger });
  const worker = config.jobWorker
    ? new JobWorker(
        db,
        emailHandlers(db, { smtpUrl: config.smtpUrl, from: config.mailFrom }),
        app.log,
      )
    : null;
  await worker?.start();
  if (!config.smtpUrl)
    app.log.info('SMTP_URL not set: emails are kept in the outbox for administrators');
  return {
    app,
    db,
    worker,
    hub,
    async close() {
      await hub.stop();
      await app.close();
      await worker?.stop();
      if (!options.db) await db.close();
    },
  };
}
