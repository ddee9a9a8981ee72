import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, isServer, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/auth/password.js';
import { localDate } from '../../platform/i18n/time.js';
import { addDays } from './days.js';
import { myDaycare } from './test-support.js';
import { JobWorker } from '../../platform/jobs/worker.js';
import { startFakePushService } from '../../platform/push/fake-push-service.js';

/**
 * Daycare messages: recipients by the day's placements, privacy, acknowledgements, emails
 * without the body, and unread counters that always equal a recount.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardian: Client;
let admin: Client;
let majakka: Client;
let veera: Client;
let aallokko: Client;
let other: Client;
let eino: string;
let oona: string;
let groups: Record<string, string>;
let units: Record<string, string>;
const today = localDate(new Date());

async function person(email: string, name: string) {
  const hash = await hashPassword('salasana-123');
  await asSystem(rt.db, (tx) =>
    tx.insertInto('people').values({ email, name, password_hash: hash }).execute(),
  );
  const client = new Client(rt.app);
  expect((await client.login(email, 'salasana-123')).statusCode).toBe(200);
  return client;
}

async function child(
  firstName: string,
  guardianEmail: string,
  group: string,
  start: string,
  end: string | null,
) {
  const created = await admin.post('admin/daycare/children', {
    firstName,
    lastName: 'Testinen',
    birthDate: '2021-03-03',
    guardianEmails: [guardianEmail],
  });
  expect(created.statusCode, created.body).toBe(201);
  const placed = await admin.post('admin/daycare/placements', {
    childId: created.json().id,
    groupId: groups[group],
    startDate: start,
    endDate: end,
  });
  expect(placed.statusCode, placed.body).toBe(201);
  return created.json().id as string;
}

async function send(client: Client, body: Record<string, unknown>) {
  return client.post('messages/threads', {
    kind: 'message',
    title: 'Retki',
    body: 'Huomenna retki metsään.',
    urgent: false,
    requiresAck: false,
    ...body,
  });
}

const unread = async (client: Client) =>
  ((await client.get('messages/unread')).json() as { unreadCount: number }).unreadCount;

/** The counters compared with a recount of the thread participants. */
async function recount() {
  return asSystem(rt.db, async (tx) => {
    const totals = await tx
      .selectFrom('message_unread_totals')
      .select(['person_id', 'unread'])
      .where('unread', '>', 0)
      .execute();
    const sums = await tx
      .selectFrom('thread_participants')
      .select(['person_id', (eb) => eb.fn.sum<number>('unread_count').as('sum')])
      .groupBy('person_id')
      .execute();
    return {
      totals: Object.fromEntries(totals.map((t) => [t.person_id, Number(t.unread)])),
      sums: Object.fromEntries(
        sums.filter((s) => Number(s.sum) > 0).map((s) => [s.person_id, Number(s.sum)]),
      ),
    };
  });
}

beforeAll(async () => {
  rt = await startRuntime();
  guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
  admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
  majakka = await loggedIn(rt.app, 'majakka@tyrskyla.example');
  veera = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
  aallokko = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
  eino = (await myDaycare(guardian)).child('Eino').id;
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('daycare_groups').select(['id', 'name', 'unit_id']).execute(),
  );
  groups = Object.fromEntries(rows.map((g) => [g.name.split(' ')[0]!, g.id]));
  const unitRows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('daycare_units').select(['id', 'name']).execute(),
  );
  units = Object.fromEntries(unitRows.map((u) => [u.name.split(' ')[1]!, u.id]));
  // Another family in Aallokko's Laineet group.
  other = await person('toinen.huoltaja@example.com', 'Olli Toinen');
  oona = await child('Oona', 'toinen.huoltaja@example.com', 'Laineet', addDays(today, -30), null);
});
afterAll(async () => rt?.dispose());

describe('daycare messages', () => {
  it('resolves recipients from the placements of the day of sending', async () => {
    await person('lahtenyt@example.com', 'Leo Lähtenyt');
    await person('tulossa@example.com', 'Tuula Tulossa');
    await person('paikalla@example.com', 'Paula Paikalla');
    await child(
      'Lauri',
      'lahtenyt@example.com',
      'Simpukat',
      addDays(today, -60),
      addDays(today, -1),
    );
    await child('Tiina', 'tulossa@example.com', 'Simpukat', addDays(today, 1), null);
    await child('Pekka', 'paikalla@example.com', 'Simpukat', today, addDays(today, 30));

    const preview = await majakka.post('messages/recipients', {
      scope: 'group',
      groupId: groups.Simpukat,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const names = (preview.json().recipients as { name: string }[]).map((r) => r.name);
    expect(names).toContain('Paula Paikalla');
    expect(names).not.toContain('Leo Lähtenyt');
    expect(names).not.toContain('Tuula Tulossa');
    expect(names).not.toContain('Hanna Huoltaja');

    const sent = await send(majakka, {
      scope: 'group',
      groupId: groups.Simpukat,
      kind: 'bulletin',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().recipients).toBe(preview.json().count);
    const participants = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('thread_participants as p')
        .innerJoin('people', 'people.id', 'p.person_id')
        .select(['people.email', 'p.unread_count'])
        .where('p.thread_id', '=', sent.json().id)
        .execute(),
    );
    const emails = participants.map((p) => p.email);
    expect(emails).toContain('paikalla@example.com');
    expect(emails).not.toContain('lahtenyt@example.com');
    expect(emails).not.toContain('tulossa@example.com');

    // A unit's staff cannot write to another unit's group; guardians cannot write to a group.
    expect(
      (await aallokko.post('messages/recipients', { scope: 'group', groupId: groups.Simpukat }))
        .statusCode,
    ).toBe(404);
    expect(
      (await guardian.post('messages/recipients', { scope: 'unit', unitId: units.Majakka }))
        .statusCode,
    ).toBe(403);
    // Only the municipal account writes to every unit.
    expect((await majakka.post('messages/recipients', { scope: 'municipality' })).statusCode).toBe(
      403,
    );
    const all = await admin.post('messages/recipients', { scope: 'municipality' });
    expect(all.statusCode).toBe(200);
    expect(all.json().count).toBeGreaterThan(preview.json().count);
  });

  it("keeps one family's thread from another guardian and from other units' staff, even by id, and audits reads", async () => {
    const sent = await send(majakka, { scope: 'child', childId: eino, title: 'Einon hammas' });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;

    const mine = await guardian.get(`messages/threads/${id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().messages[0].body).toBe('Huomenna retki metsään.');

    expect((await other.get(`messages/threads/${id}`)).statusCode).toBe(404);
    expect((await other.post(`messages/threads/${id}/replies`, { body: 'Hei' })).statusCode).toBe(
      404,
    );
    expect((await other.post(`messages/threads/${id}/read`)).statusCode).toBe(404);
    expect((await aallokko.get(`messages/threads/${id}`)).statusCode).toBe(404);
    const list = (await other.get('messages/threads')).json().items as { id: string }[];
    expect(list.map((t) => t.id)).not.toContain(id);
    // Staff of a unit cannot write to a child of another unit; a guardian not to another's child.
    expect(
      (await aallokko.post('messages/recipients', { scope: 'child', childId: eino })).statusCode,
    ).toBe(404);
    expect(
      (await other.post('messages/recipients', { scope: 'child', childId: eino })).statusCode,
    ).toBe(404);

    const reads = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .innerJoin('people', 'people.id', 'audit_events.actor_person_id')
        .select(['people.email'])
        .where('action', '=', 'daycare.message.read')
        .where('target', '=', `thread:${id}`)
        .execute(),
    );
    expect(reads.map((r) => r.email)).toEqual(['huoltaja@tyrskyla.example']);
  });

  it('lets a guardian write to the staff of the child’s group and the staff reply', async () => {
    const before = await unread(veera);
    const sent = await send(other, { scope: 'child', childId: oona, title: 'Oonan nuha' });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    // Laineet has no staff of its own: the unit's staff get it; Majakka's Veera does not.
    expect(await unread(veera)).toBe(before);
    expect(await unread(aallokko)).toBeGreaterThanOrEqual(1);
    const thread = (await aallokko.get(`messages/threads/${id}`)).json();
    expect(thread.canReply).toBe(true);
    const reply = await aallokko.post(`messages/threads/${id}/replies`, {
      body: 'Kiitos tiedosta.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(await unread(other)).toBe(1);
    const read = await other.post(`messages/threads/${id}/read`);
    expect(read.json().unreadCount).toBe(0);
    expect(await unread(other)).toBe(0);
  });

  it('runs the acknowledgement flow: who has not acknowledged, a reminder, read and understood', async () => {
    const sent = await send(majakka, {
      scope: 'child',
      childId: eino,
      kind: 'bulletin',
      title: 'Lupa valokuvaukseen',
      requiresAck: true,
      urgent: true,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    const acks = async () =>
      (await majakka.get(`messages/threads/${id}`)).json().acknowledgements as {
        name: string;
        acknowledgedAt: string | null;
        remindedAt: string | null;
      }[];
    const first = await acks();
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((a) => a.acknowledgedAt === null)).toBe(true);

    const reminded = await majakka.post(`messages/threads/${id}/remind`);
    expect(reminded.statusCode, reminded.body).toBe(200);
    expect(reminded.json().reminded).toBe(first.length);
    expect((await acks()).every((a) => a.remindedAt !== null)).toBe(true);
    const notices = (await guardian.get('notifications')).json().items as {
      title: string;
      link: string;
    }[];
    expect(notices[0]!.title).toContain('Lupa valokuvaukseen');
    expect(notices[0]!.link).toBe(`/tyrskyla/messages/${id}`);

    // A bulletin takes no reply from guardians; a guardian sees no acknowledgement list.
    expect((await guardian.post(`messages/threads/${id}/replies`, { body: 'Ok' })).statusCode).toBe(
      422,
    );
    expect((await guardian.get(`messages/threads/${id}`)).json().acknowledgements).toBeNull();
    // Only guardians acknowledge.
    expect((await majakka.post(`messages/threads/${id}/acknowledge`)).statusCode).toBe(422);

    const before = await unread(guardian);
    const ack = await guardian.post(`messages/threads/${id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(await unread(guardian)).toBe(before - 1);
    const after = await acks();
    const hanna = after.find((a) => a.name === 'Hanna Huoltaja') ?? after[0]!;
    expect(hanna.acknowledgedAt).not.toBeNull();
    // A second click changes nothing.
    const again = await guardian.post(`messages/threads/${id}/acknowledge`);
    expect(again.json().acknowledgedAt).toBe(ack.json().acknowledgedAt);
  });

  it('emails and pushes only that there is a new message and a link, never the title or body', async () => {
    // The guardian's phone, subscribed through the API to the local fake push service, which
    // decrypts the payload as the phone would.
    const push = await startFakePushService();
    try {
      const phone = push.subscribe();
      expect((await guardian.post('push/subscriptions', phone.json)).statusCode).toBe(201);
      const secret = 'Einon lääkitys muuttuu: 5 mg aamuisin';
      const sent = await send(majakka, {
        scope: 'child',
        childId: eino,
        title: 'Lääkitys',
        body: secret,
      });
      expect(sent.statusCode).toBe(201);
      const emails = await asSystem(rt.db, (tx) =>
        tx
          .selectFrom('email_outbox')
          .select(['to_address', 'subject', 'text_body'])
          .where('to_address', '=', 'huoltaja@tyrskyla.example')
          .orderBy('created_at', 'desc')
          .limit(1)
          .execute(),
      );
      const email = emails[0]!;
      expect(email.subject).toBe('Uusi viesti: Päiväkoti Majakka');
      expect(email.text_body).toContain(`/tyrskyla/messages/${sent.json().id}`);
      expect(email.text_body).not.toContain('lääkitys');
      expect(email.text_body).not.toContain('5 mg');
      expect(email.subject + email.text_body).not.toContain('Lääkitys');

      await new JobWorker(rt.db, rt.jobHandlers, rt.app.log).wake();
      expect(push.refused).toEqual([]);
      const pushed = push.received.filter((r) => r.subscriptionId === phone.id);
      expect(pushed).toHaveLength(1);
      expect(JSON.parse(pushed[0]!.text)).toEqual({
        title: 'Uusi viesti: Päiväkoti Majakka',
        body: 'Sinulle on uusi viesti: Päiväkoti Majakka.',
        link: `/tyrskyla/messages/${sent.json().id}`,
      });
      expect(pushed[0]!.text).not.toMatch(/lääkitys|5 mg/i);
      expect(pushed[0]!.urgency).toBe('normal');

      // An urgent one has its own topic: with ordinary messages switched off it still comes,
      // marked urgent for the push service.
      await guardian.put('notification-preferences', {
        changes: [
          { topic: 'messages', channel: 'push', enabled: false },
          { topic: 'messages', channel: 'email', enabled: false },
        ],
      });
      const quiet = await send(majakka, { scope: 'child', childId: eino, title: 'Hiljaa' });
      const urgent = await send(majakka, {
        scope: 'child',
        childId: eino,
        title: 'Kiire',
        urgent: true,
      });
      expect([quiet.statusCode, urgent.statusCode]).toEqual([201, 201]);
      await new JobWorker(rt.db, rt.jobHandlers, rt.app.log).wake();
      const later = push.received.filter((r) => r.subscriptionId === phone.id).slice(1);
      expect(later.map((r) => JSON.parse(r.text).link)).toEqual([
        `/tyrskyla/messages/${urgent.json().id}`,
      ]);
      expect(later[0]!.urgency).toBe('high');
      const quietEmails = await asSystem(rt.db, (tx) =>
        tx
          .selectFrom('email_outbox')
          .select('id')
          .where('to_address', '=', 'huoltaja@tyrskyla.example')
          .where('text_body', 'like', `%${quiet.json().id}%`)
          .execute(),
      );
      expect(quietEmails).toEqual([]);
    } finally {
      await guardian.put('notification-preferences', {
        changes: [
          { topic: 'messages', channel: 'push', enabled: true },
          { topic: 'messages', channel: 'email', enabled: true },
        ],
      });
      await push.close();
    }
  });

  it('archives, searches and marks unread, and the badge follows', async () => {
    const sent = await send(majakka, {
      scope: 'child',
      childId: eino,
      title: 'Kevätjuhla',
      body: 'Juhla on salissa klo 17.',
    });
    const id = sent.json().id as string;
    const before = await unread(guardian);
    await guardian.post(`messages/threads/${id}/read`);
    expect(await unread(guardian)).toBe(before - 1);
    await guardian.post(`messages/threads/${id}/unread`);
    expect(await unread(guardian)).toBe(before);

    const found = (await guardian.get('messages/threads?q=salissa')).json().items as {
      id: string;
    }[];
    expect(found.map((t) => t.id)).toEqual([id]);
    expect(
      ((await guardian.get('messages/threads?q=100%25')).json().items as unknown[]).length,
    ).toBe(0);

    expect(
      (await guardian.post(`messages/threads/${id}/archive`, { archived: true })).statusCode,
    ).toBe(204);
    const inbox = (await guardian.get('messages/threads')).json().items as { id: string }[];
    expect(inbox.map((t) => t.id)).not.toContain(id);
    const archive = (await guardian.get('messages/threads?archived=true')).json().items as {
      id: string;
    }[];
    expect(archive.map((t) => t.id)).toContain(id);
    // A new message brings the thread back to the inbox.
    await majakka.post(`messages/threads/${id}/replies`, { body: 'Tervetuloa!' });
    const back = (await guardian.get('messages/threads')).json().items as {
      id: string;
      unreadCount: number;
    }[];
    expect(back.find((t) => t.id === id)?.unreadCount).toBe(2);
    const counts = await recount();
    expect(counts.totals).toEqual(counts.sums);
  });

  it('keeps the counters exact under many concurrent sends, replies and reads', async () => {
    const n = isServer() ? 40 : 10;
    const threads = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        send(i % 2 ? majakka : veera, {
          scope: i % 3 === 0 ? 'unit' : 'group',
          unitId: units.Majakka,
          groupId: groups.Meritähdet,
          title: `Viesti ${i}`,
        }),
      ),
    );
    for (const t of threads) expect(t.statusCode, t.body).toBe(201);
    const ids = threads.map((t) => t.json().id as string);
    const results = await Promise.all([
      ...ids.map((id) => guardian.post(`messages/threads/${id}/read`)),
      ...ids.map((id, i) =>
        (i % 2 ? veera : majakka).post(`messages/threads/${id}/replies`, { body: 'Lisäys' }),
      ),
      ...ids.map((id) => veera.post(`messages/threads/${id}/read`)),
      ...ids.map((id) => guardian.post(`messages/threads/${id}/unread`)),
    ]);
    // No deadlock, no conflict: every one of them succeeded.
    for (const r of results) expect(r.statusCode, r.body).toBeLessThan(300);
    const counts = await recount();
    expect(counts.totals).toEqual(counts.sums);
    const guardianId = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('people')
        .select('id')
        .where('email', '=', 'huoltaja@tyrskyla.example')
        .executeTakeFirstOrThrow(),
    );
    expect(await unread(guardian)).toBe(counts.sums[guardianId.id] ?? 0);
  });
});
