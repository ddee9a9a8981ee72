import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isServer, loggedIn, startRuntime, testConfig } from '../../../test/helpers.js';
import { openDatabase } from '../db/database.js';
import { createRuntime } from '../../runtime.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let base: string;
beforeAll(async () => {
  rt = await startRuntime({}, undefined, { streamHeartbeatMs: 300 });
  base = await rt.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => rt?.dispose());

/** Minimal EventSource over fetch: collects events until told to stop. */
async function openStream(url: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
  const events: { event: string; data: unknown }[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      /* aborted */
    }
  })();
  const waitFor = async (predicate: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { response, events, waitFor, close: () => controller.abort() };
}

describe('notifications', () => {
  it('lists, counts and marks notifications read', async () => {
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    await admin.post('admin/notifications', {
      role: 'guardian',
      title: 'Kokous',
      body: 'Tiistaina',
      email: false,
    });
    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const list = (await guardian.get('notifications')).json();
    expect(list.unreadCount).toBe(1);
    expect(list.items[0]).toMatchObject({ title: 'Kokous', body: 'Tiistaina', readAt: null });
    expect((await guardian.post(`notifications/${list.items[0].id}/read`)).statusCode).toBe(204);
    const after = (await guardian.get('notifications')).json();
    expect(after.unreadCount).toBe(0);
    expect(after.items[0].readAt).not.toBeNull();
  });

  it('streams a new notification and the unread count live', async () => {
    const client = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const cookie = client.cookieHeader();
    const stream = await openStream(`${base}/api/tyrskyla/notifications/stream`, cookie);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    await stream.waitFor(() => stream.events.some((e) => e.event === 'unread'));
    const initial = (stream.events[0]!.data as { unreadCount: number }).unreadCount;

    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    await admin.post('admin/notifications', {
      role: 'resident',
      title: 'Live',
      body: 'Nyt',
      email: false,
    });
    await stream.waitFor(() => stream.events.some((e) => e.event === 'notification'));
    expect(stream.events.find((e) => e.event === 'notification')!.data).toMatchObject({
      title: 'Live',
    });
    await stream.waitFor(() =>
      stream.events.some(
        (e) =>
          e.event === 'unread' && (e.data as { unreadCount: number }).unreadCount === initial + 1,
      ),
    );

    await client.post('notifications/read-all');
    await stream.waitFor(() =>
      stream.events.some(
        (e) => e.event === 'unread' && (e.data as { unreadCount: number }).unreadCount === 0,
      ),
    );
    stream.close();
  });

  it('streams the daycare messages badge live on the same stream', async () => {
    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const stream = await openStream(
      `${base}/api/tyrskyla/notifications/stream`,
      guardian.cookieHeader(),
    );
    await stream.waitFor(() => stream.events.some((e) => e.event === 'messages'));
    const initial = (
      stream.events.find((e) => e.event === 'messages')!.data as {
        unreadCount: number;
      }
    ).unreadCount;
    const einoId = (
      (await guardian.get('daycare/children')).json() as {
        children: { id: string; firstName: string }[];
      }
    ).children.find((c) => c.firstName === 'Eino')!.id;
    const staff = await loggedIn(rt.app, 'majakka@tyrskyla.example');
    const sent = await staff.post('messages/threads', {
      scope: 'child',
      childId: einoId,
      kind: 'message',
      title: 'Hei',
      body: 'Muistakaa kumisaappaat',
      urgent: false,
      requiresAck: false,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const hasCount = (n: number) =>
      stream.events.some(
        (e) => e.event === 'messages' && (e.data as { unreadCount: number }).unreadCount === n,
      );
    await stream.waitFor(() => hasCount(initial + 1));
    await guardian.post(`messages/threads/${sent.json().id}/read`);
    await stream.waitFor(() => hasCount(initial));
    stream.close();
  });

  it('does not stream other people’s notifications', async () => {
    const client = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const stream = await openStream(
      `${base}/api/tyrskyla/notifications/stream`,
      client.cookieHeader(),
    );
    await stream.waitFor(() => stream.events.length > 0);
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    await admin.post('admin/notifications', {
      role: 'resident',
      title: 'Ei sinulle',
      body: 'x',
      email: false,
    });
    await admin.post('admin/notifications', {
      role: 'facility_admin',
      title: 'Sinulle',
      body: 'y',
      email: false,
    });
    await stream.waitFor(() => stream.events.some((e) => e.event === 'notification'));
    const titles = stream.events
      .filter((e) => e.event === 'notification')
      .map((e) => (e.data as { title: string }).title);
    expect(titles).toEqual(['Sinulle']);
    stream.close();
  });

  it.skipIf(!isServer())(
    'reaches a browser connected to another API process (LISTEN/NOTIFY)',
    async () => {
      // A second, independent runtime on the same PostgreSQL database stands for another process.
      const otherDb = await openDatabase({ url: rt.url!, poolSize: 2 });
      const other = await createRuntime(testConfig(), { db: otherDb });
      try {
        const otherBase = await other.app.listen({ port: 0, host: '127.0.0.1' });
        const client = await loggedIn(other.app, 'varhaiskasvatus@tyrskyla.example');
        const stream = await openStream(
          `${otherBase}/api/tyrskyla/notifications/stream`,
          client.cookieHeader(),
        );
        await stream.waitFor(() => stream.events.length > 0);
        const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
        await admin.post('admin/notifications', {
          role: 'daycare_staff',
          title: 'Toisesta prosessista',
          body: 'z',
          email: false,
        });
        await stream.waitFor(() => stream.events.some((e) => e.event === 'notification'));
        stream.close();
      } finally {
        await other.close();
        await otherDb.close();
      }
    },
  );

  it('ends the stream when the person logs out', async () => {
    const client = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
    const stream = await openStream(
      `${base}/api/tyrskyla/notifications/stream`,
      client.cookieHeader(),
    );
    await stream.waitFor(() => stream.events.length > 0);
    expect(rt.hub.connectionCount).toBeGreaterThan(0);
    const open = rt.hub.connectionCount;
    await client.delete('session');
    const deadline = Date.now() + 5000;
    while (rt.hub.connectionCount >= open && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(rt.hub.connectionCount).toBe(open - 1);
    stream.close();
  });

  it('refuses the stream to anonymous visitors', async () => {
    const response = await fetch(`${base}/api/tyrskyla/notifications/stream`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
