import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  isServer,
  loggedIn,
  startRuntime,
  testConfig,
  type Client,
} from '../../../test/helpers.js';
import { asSystem, openDatabase } from '../../platform/db/database.js';
import { createRuntime } from '../../runtime.js';
import { myDaycare } from './test-support.js';

/**
 * The unread badge is answered from a cache in the process (messages.repo.ts): it must never
 * be stale after a new message or a read mark, in this process or another.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let majakka: Client;
let eino: string;

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  majakka = await loggedIn(rt.app, 'majakka@tyrskyla.example');
  eino = (await myDaycare(guardian)).child('Eino').id;
});
afterAll(async () => rt?.dispose());

const unread = async (client: Client) =>
  ((await client.get('messages/unread')).json() as { unreadCount: number }).unreadCount;

const sendToEino = (title: string) =>
  majakka.post('messages/threads', {
    kind: 'message',
    scope: 'child',
    childId: eino,
    title,
    body: 'Tervehdys päiväkodista.',
    urgent: false,
    requiresAck: false,
  });

async function guardianId() {
  const row = await asSystem(rt.db, (tx) =>
    tx
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'huoltaja@tyrskyla.example')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

describe('the cached unread badge', () => {
  it('is answered from the cache until the counter changes, then exactly', async () => {
    const before = await unread(guardian);
    const id = await guardianId();
    // Change the stored total behind the cache's back (no announcement): the cached badge
    // stands, so the request did not read the database.
    await asSystem(rt.db, (tx) =>
      sql`update message_unread_totals set unread = unread + 100 where person_id = ${id}`.execute(
        tx,
      ),
    );
    expect(await unread(guardian)).toBe(before);
    await asSystem(rt.db, (tx) =>
      sql`update message_unread_totals set unread = unread - 100 where person_id = ${id}`.execute(
        tx,
      ),
    );
    // A new message drops the cached badge at its commit: the next answer is exact.
    expect((await sendToEino('Uusi viesti')).statusCode).toBe(201);
    expect(await unread(guardian)).toBe(before + 1);
  });

  it('follows every read and unread mark at once', async () => {
    const sent = await sendToEino('Luettava');
    const thread = sent.json().id as string;
    const count = await unread(guardian);
    for (let i = 0; i < 3; i++) {
      await guardian.post(`messages/threads/${thread}/read`);
      expect(await unread(guardian)).toBe(count - 1);
      await guardian.post(`messages/threads/${thread}/unread`);
      expect(await unread(guardian)).toBe(count);
    }
  });

  it.runIf(isServer())('hears a message sent through another process', async () => {
    const otherDb = await openDatabase({ url: rt.url!, poolSize: 2 });
    const other = await createRuntime(testConfig(), { db: otherDb });
    try {
      const before = await unread(guardian);
      const elsewhere = majakka.withApp(other.app);
      const sent = await elsewhere.post('messages/threads', {
        kind: 'message',
        scope: 'child',
        childId: eino,
        title: 'Toisesta prosessista',
        body: 'Hei.',
        urgent: false,
        requiresAck: false,
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const until = Date.now() + 3000;
      let now = await unread(guardian);
      while (now !== before + 1 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        now = await unread(guardian);
      }
      expect(now).toBe(before + 1);
    } finally {
      await other.close();
      await otherDb.close();
    }
  });
});
