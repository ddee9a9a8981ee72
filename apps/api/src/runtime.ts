import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { seedDemoData } from './platform/demo/seed.js';
import { NotificationHub } from './platform/notifications/hub.js';
import { JobWorker, type JobHandler } from './platform/jobs/worker.js';
import { emailHandlers } from './platform/email/outbox.js';
import { pushHandlers } from './platform/push/delivery.js';
import { vapidKeys } from './platform/push/vapid.js';
import { bookingHandlers } from './modules/bookings/booking-payments.js';
import { refundHandlers } from './modules/payments/refunds.js';
import { paymentHandlers } from './modules/payments/payments.js';
import { courseHandlers } from './modules/bookings/courses.js';
import { discussionHandlers } from './modules/daycare/discussions.notify.js';
import { discoverOidc } from './platform/auth/oidc.js';
import { startDemoIdp } from './platform/auth/demo-idp.js';
import { asSystem } from './platform/db/database.js';
import { configureAccess } from './modules/access/access.grants.js';
import { accessHandlers, mqttAdapter } from './modules/access/access.jobs.js';
import { MqttDoorBus } from './modules/access/access.mqtt.js';
import { portfolioHandlers } from './modules/portfolio/reminders.js';

/**
 * Demo mode: start the test identification provider beside the API and use it as the OIDC
 * provider, registered for every municipality's callback address.
 */
async function startDemoIdentification(config: Config, port: number, db: Database) {
  const issuer = new URL(config.publicUrl);
  issuer.port = String(port);
  issuer.pathname = '';
  const slugs = await asSystem(db, (tx) =>
    tx.selectFrom('municipalities').select('slug').execute(),
  );
  const clientSecret = randomBytes(24).toString('base64url');
  const idp = await startDemoIdp({
    issuer: issuer.origin,
    host: config.host,
    port,
    clientId: 'helppo-demo',
    clientSecret,
    redirectUris: slugs.map(({ slug }) => `${config.publicUrl}/api/${slug}/auth/oidc/callback`),
  });
  return {
    close: idp.close,
    oidc: {
      issuer: issuer.origin,
      clientId: 'helppo-demo',
      clientSecret,
      clientAuth: 'client_secret_post' as const,
      allowHttp: true,
    },
  };
}

export interface Runtime {
  app: FastifyInstance;
  db: Database;
  worker: JobWorker | null;
  /** The background work by job kind (tests run due jobs with a JobWorker of their own). */
  jobHandlers: Record<string, JobHandler>;
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
  configureAccess(config.access);
  if (config.mode === 'demo') await seedDemoData(db);
  // The VAPID key pair exists from the first start on (generated once, kept in the database).
  await vapidKeys(db, config);
  const hub = new NotificationHub(db);
  await hub.start();
  const demoIdp = config.demoIdpPort
    ? await startDemoIdentification(config, config.demoIdpPort, db)
    : null;
  const oidcConfig = config.oidc ?? demoIdp?.oidc;
  const oidc = oidcConfig ? await discoverOidc(oidcConfig) : null;
  const app = await buildApp({ config, db, hub, oidc, logger: options.logger });
  // The door controllers' broker: without MQTT_URL, MQTT doors' grants fail visibly to staff.
  const doorBus = config.access.mqttUrl
    ? new MqttDoorBus(config.access.mqttUrl, db, app.log)
    : null;
  doorBus?.start();
  // Every module's background work, by job kind.
  const handlers: Record<string, JobHandler> = {
    ...emailHandlers(db, { smtpUrl: config.smtpUrl, from: config.mailFrom }),
    ...pushHandlers(db, config),
    ...bookingHandlers(db, { publicUrl: config.publicUrl }),
    ...courseHandlers(db, { publicUrl: config.publicUrl }),
    ...discussionHandlers(db, { publicUrl: config.publicUrl }),
    ...refundHandlers(db, { payments: config.payments, publicUrl: config.publicUrl }),
    ...paymentHandlers(db, { payments: config.payments, publicUrl: config.publicUrl }),
    ...accessHandlers(db, { mqtt: mqttAdapter(doorBus) }),
    ...portfolioHandlers(db, { publicUrl: config.publicUrl }),
  };
  const worker = config.jobWorker ? new JobWorker(db, handlers, app.log) : null;
  await worker?.start();
  if (!config.smtpUrl)
    app.log.info('SMTP_URL not set: emails are kept in the outbox for administrators');
  return {
    app,
    db,
    worker,
    jobHandlers: handlers,
    hub,
    async close() {
      await hub.stop();
      await app.close();
      await worker?.stop();
      await doorBus?.close();
      await demoIdp?.close();
      if (!options.db) await db.close();
    },
  };
}
