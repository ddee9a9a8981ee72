import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../db/database.js';
import { JobWorker } from '../jobs/worker.js';
import { startFakePushService, type FakePushService } from './fake-push-service.js';

/**
 * Web Push end to end: a subscription made through the API, a notice, the job that delivers
 * it through web-push to the local fake push service (which checks VAPID and decrypts the
 * payload as a browser would), 404/410 and other failures, and per-topic preferences.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let push: FakePushService;
let admin: Client;
let publicKey: string;

const runJobs = () => new JobWorker(rt.db, rt.jobHandlers, rt.app.log).wake();

beforeAll(async () => {
  rt = await startRuntime();
  admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
  publicKey = (await admin.get('push/config')).json().publicKey;
  push = await startFakePushService({ vapidPublicKey: publicKey });
});
afterAll(async () => {
  await push?.close();
  await rt?.dispose();
});

async function personId(client: Client): Promise<string> {
  return (await client.get('session')).json().user.id;
}

/** An announcement to one person, by email too. */
async function announce(to: string, title: string, body = 'Tiistaina kello 18') {
  const sent = await admin.post('admin/notifications', {
    personId: to,
    title,
    body,
    link: '/tyrskyla/notifications',
    email: true,
  });
  expect(sent.statusCode, sent.body).toBe(200);
}

async function subscribe(client: Client) {
  const browser = push.subscribe();
  const response = await client.post('push/subscriptions', browser.json);
  expect(response.statusCode, response.body).toBe(201);
  return { ...browser, rowId: response.json().id as string };
}

const subscriptionRow = (id: string) =>
  asSystem(rt.db, (tx) =>
    tx.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirst(),
  );

const emailsTo = (address: string, subject: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('email_outbox')
      .select('id')
      .where('to_address', '=', address)
      .where('subject', '=', subject)
      .execute(),
  );

describe('web push', () => {
  it('keeps one VAPID key pair, generated at first start, in the database', async () => {
    expect(publicKey).toMatch(/^B[A-Za-z0-9_-]{86}$/);
    const stored = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('instance_settings')
        .select('value')
        .where('key', '=', 'vapid_keys')
        .executeTakeFirstOrThrow(),
    );
    expect(JSON.parse(stored.value).publicKey).toBe(publicKey);
    // Anyone may read it (the browser needs it before subscribing).
    const anonymous = new Client(rt.app);
    expect((await anonymous.get('push/config')).json().publicKey).toBe(publicKey);
  });

  it('delivers a notice to the subscribed device, signed and encrypted', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const device = await subscribe(resident);
    // The settings page sends the device's subscription again on every visit: one row.
    const again = await resident.post('push/subscriptions', device.json);
    expect(again.json().id).toBe(device.rowId);
    const audited = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'push.subscribe')
        .where('target', '=', `push_subscription:${device.rowId}`)
        .execute(),
    );
    expect(audited).toHaveLength(1);
    await announce(await personId(resident), 'Asukasilta');
    await runJobs();
    const got = push.received.filter((r) => r.subscriptionId === device.id);
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]!.text)).toEqual({
      title: 'Asukasilta',
      body: 'Tiistaina kello 18',
      link: '/tyrskyla/notifications',
    });
    expect(got[0]!.vapidKey).toBe(publicKey);
    expect(got[0]!.claims.sub).toMatch(/^mailto:/);
    expect(got[0]!.ttl).toBeGreaterThan(0);
    expect(got[0]!.urgency).toBe('normal');
    const row = await subscriptionRow(device.rowId);
    expect(row!.last_success_at).not.toBeNull();
    expect(row!.failure_count).toBe(0);
    expect(await emailsTo('asukas@tyrskyla.example', 'Asukasilta')).toHaveLength(1);
    expect(push.refused).toEqual([]);
  });

  it('deletes a subscription the push service answers 410 for', async () => {
    const resident = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const device = await subscribe(resident);
    push.answer(device.id, 410);
    await announce(await personId(resident), 'Poistunut laite');
    await runJobs();
    expect(await subscriptionRow(device.rowId)).toBeUndefined();
  });

  it('counts other failures and retries with backoff until delivered', async () => {
    const resident = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
    const device = await subscribe(resident);
    push.answer(device.id, 503);
    await announce(await personId(resident), 'Palvelu alhaalla');
    await runJobs();
    expect((await subscriptionRow(device.rowId))!.failure_count).toBe(1);
    const job = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('jobs')
        .select(['id', 'run_at', 'attempts', 'done_at', 'last_error'])
        .where('kind', '=', 'push.send')
        .where(sql<boolean>`payload->>'subscriptionId' = ${device.rowId}`)
        .executeTakeFirstOrThrow(),
    );
    expect(job.done_at).toBeNull();
    expect(job.last_error).toContain('503');
    expect(job.run_at.getTime()).toBeGreaterThan(Date.now());
    // The push service is back; the retry is due.
    push.answer(device.id, 201);
    await asSystem(rt.db, (tx) =>
      tx.updateTable('jobs').set({ run_at: new Date() }).where('id', '=', job.id).execute(),
    );
    await runJobs();
    const got = push.received.filter((r) => r.subscriptionId === device.id);
    expect(got.map((r) => JSON.parse(r.text).title)).toEqual(['Palvelu alhaalla']);
    expect((await subscriptionRow(device.rowId))!.failure_count).toBe(0);
  });

  it('honours the preferences: a switched-off topic sends neither push nor email', async () => {
    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const defaults = (await guardian.get('notification-preferences')).json();
    expect(defaults.topics).toContainEqual({ topic: 'general', email: true, push: true });
    expect(defaults.topics.map((t: { topic: string }) => t.topic)).toEqual([
      'messages',
      'urgentMessages',
      'absences',
      'discussions',
      'freePlaces',
      'bookings',
      'general',
    ]);
    const device = await subscribe(guardian);
    const guardianId = await personId(guardian);
    const updated = await guardian.put('notification-preferences', {
      changes: [
        { topic: 'general', channel: 'push', enabled: false },
        { topic: 'general', channel: 'email', enabled: true },
        { topic: 'general', channel: 'email', enabled: false },
      ],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().topics).toContainEqual({ topic: 'general', email: false, push: false });
    expect(updated.json().pushDevices).toBe(1);
    // Kept: a fresh read says the same.
    expect((await guardian.get('notification-preferences')).json()).toEqual(updated.json());

    await announce(await personId(guardian), 'Ei ulos');
    await runJobs();
    expect(push.received.filter((r) => r.subscriptionId === device.id)).toEqual([]);
    expect(await emailsTo('huoltaja@tyrskyla.example', 'Ei ulos')).toEqual([]);
    // The in-app notice always stays.
    const inApp = (await guardian.get('notifications')).json().items;
    expect(inApp.map((n: { title: string }) => n.title)).toContain('Ei ulos');

    const audited = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('action', 'in', ['notification.preferences', 'push.subscribe'])
        .where('actor_person_id', '=', guardianId)
        .execute(),
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['notification.preferences', 'push.subscribe']),
    );

    // Back on: the next notice is pushed again.
    await guardian.put('notification-preferences', {
      changes: [{ topic: 'general', channel: 'push', enabled: true }],
    });
    await announce(await personId(guardian), 'Taas ulos');
    await runJobs();
    expect(push.received.filter((r) => r.subscriptionId === device.id).map((r) => r.text)).toEqual([
      expect.stringContaining('Taas ulos'),
    ]);
  });

  it('stops pushing to a device that unsubscribed', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const device = await subscribe(resident);
    const gone = await resident.request('DELETE', 'push/subscriptions', {
      endpoint: device.json.endpoint,
    });
    expect(gone.statusCode, gone.body).toBe(204);
    expect(await subscriptionRow(device.rowId)).toBeUndefined();
    await announce(await personId(resident), 'Ei enää');
    await runJobs();
    expect(push.received.filter((r) => r.subscriptionId === device.id)).toEqual([]);
  });

  it('refuses bad subscriptions and preferences with a translated 4xx', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const good = push.subscribe().json;
    const offCurve = Buffer.alloc(65, 7);
    offCurve[0] = 4;
    const cases = [
      { ...good, endpoint: 'not a url at all' },
      { ...good, endpoint: 'ftp://push.example/x' },
      { ...good, endpoint: 'https://user:pw@push.example/x' },
      { ...good, keys: { ...good.keys, p256dh: offCurve.toString('base64url') } },
      { ...good, keys: { ...good.keys, auth: Buffer.alloc(12).toString('base64url') } },
      { ...good, keys: { ...good.keys, auth: '!!!!!!!!!!!!!!!!!!!!!!' } },
    ];
    for (const body of cases) {
      const response = await resident.post('push/subscriptions', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().title).toBe('Laitteen ilmoitustilaus ei kelpaa');
    }
    const missing = await resident.post('push/subscriptions', { endpoint: good.endpoint });
    expect(missing.statusCode).toBe(400);
    const badTopic = await resident.put('notification-preferences', {
      changes: [{ topic: 'gossip', channel: 'push', enabled: false }],
    });
    expect(badTopic.statusCode).toBe(400);
    const anonymous = new Client(rt.app);
    expect((await anonymous.post('push/subscriptions', good)).statusCode).toBe(401);
    expect((await anonymous.get('notification-preferences')).statusCode).toBe(401);
    const count = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('push_subscriptions')
        .select('id')
        .where(
          'endpoint',
          'in',
          cases.map((c) => c.endpoint),
        )
        .where('p256dh', '=', good.keys.p256dh)
        .execute(),
    );
    expect(count).toEqual([]);
  });
});
