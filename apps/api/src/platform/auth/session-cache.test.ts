import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { isServer, loggedIn, startRuntime, testConfig } from '../../../test/helpers.js';
import { asSystem, openDatabase } from '../db/database.js';
import { createRuntime } from '../../runtime.js';
import { sessionCache } from '../municipality/municipality.repo.js';

/**
 * The session cache (municipality.repo.ts, migration 0030): what a cookie stands for is kept
 * in the process, and every change to a session, a role, a person or a municipality drops
 * it at once — whichever code, process or tool makes the change.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(async () => rt?.dispose());

async function personId(email: string): Promise<string> {
  const row = await asSystem(rt.db, (tx) =>
    tx.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** Ask until `check` holds (a change from another connection arrives by LISTEN). */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Three people of the demo, for the tests that ask for several sessions at once. */
const THREE = ['asukas@tyrskyla.example', 'huoltaja@tyrskyla.example', 'tilat@tyrskyla.example'];

describe('the session cache', () => {
  it('serves a signed-in request without asking the database for the session again', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get('session')).json().user.name).toBe('Antti Asukas');
    // Remove the session behind the cache's back (no announcement): the cached answer stands,
    // which is what saves the database a round trip per request.
    const id = await personId('asukas@tyrskyla.example');
    await asSystem(rt.db, async (tx) => {
      await sql`alter table sessions disable trigger user`.execute(tx);
      await tx.deleteFrom('sessions').where('person_id', '=', id).execute();
      await sql`alter table sessions enable trigger user`.execute(tx);
    });
    expect((await resident.get('municipality')).statusCode).toBe(200);
    expect((await resident.get('session')).json().user?.name).toBe('Antti Asukas');
  });

  it('refuses a signed-out cookie on the very next request', async () => {
    const laptop = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const copy = laptop.withApp(rt.app);
    expect((await copy.get('session')).json().user.name).toBe('Antti Asukas');
    expect((await laptop.delete('session')).statusCode).toBe(204);
    expect((await copy.get('session')).json().user).toBeNull();
  });

  it('ends every session at once with logout everywhere', async () => {
    const phone = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const laptop = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect((await laptop.get('session')).json().user).not.toBeNull();
    expect((await phone.post('session/logout-everywhere')).statusCode).toBe(204);
    expect((await laptop.get('session')).json().user).toBeNull();
  });

  it('applies a revoked role on the next request, and a granted one', async () => {
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get('admin/people')).statusCode).toBe(403);
    const granted = await admin.post('admin/role-grants', {
      email: 'asukas@tyrskyla.example',
      role: 'admin',
    });
    expect(granted.statusCode).toBe(200);
    expect((await resident.get('admin/people')).statusCode).toBe(200);
    const id = await personId('asukas@tyrskyla.example');
    expect((await admin.delete(`admin/people/${id}/roles/admin`)).statusCode).toBe(204);
    expect((await resident.get('admin/people')).statusCode).toBe(403);
  });

  it('follows the language a person chose', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.put('session/language', { language: 'sv' })).statusCode).toBe(204);
    expect((await resident.get('session')).json().user.language).toBe('sv');
    await resident.put('session/language', { language: 'fi' });
    expect((await resident.get('session')).json().user.language).toBe('fi');
  });

  it('hears changes made outside the service: a role, a session, a municipality', async () => {
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    expect((await admin.get('admin/people')).statusCode).toBe(200);
    const id = await personId('admin@tyrskyla.example');
    // A database tool takes the role away: the triggers announce it.
    await asSystem(rt.db, (tx) =>
      tx
        .deleteFrom('role_grants')
        .where('person_id', '=', id)
        .where('role', '=', 'admin')
        .execute(),
    );
    expect(await eventually(async () => (await admin.get('admin/people')).statusCode === 403)).toBe(
      true,
    );
    await asSystem(rt.db, (tx) =>
      tx
        .insertInto('role_grants')
        .values({
          municipality_id: sql`(select id from municipalities where slug = 'tyrskyla')`,
          person_id: id,
          role: 'admin',
        })
        .execute(),
    );
    expect(await eventually(async () => (await admin.get('admin/people')).statusCode === 200)).toBe(
      true,
    );

    await asSystem(rt.db, (tx) =>
      tx
        .updateTable('municipalities')
        .set({ name_fi: 'Uusi Tyrskylä' })
        .where('slug', '=', 'tyrskyla')
        .execute(),
    );
    expect(
      await eventually(
        async () => (await admin.get('municipality')).json().name.fi === 'Uusi Tyrskylä',
      ),
    ).toBe(true);

    // The session is cut short (an administrator ends it in the database).
    await asSystem(rt.db, (tx) =>
      tx
        .updateTable('sessions')
        .set({ expires_at: sql`now() - interval '1 second'` })
        .where('person_id', '=', id)
        .execute(),
    );
    expect(await eventually(async () => (await admin.get('session')).json().user === null)).toBe(
      true,
    );
  });

  it('answers many cold sessions asked at once, each with its own person', async () => {
    const clients = await Promise.all(THREE.map((email) => loggedIn(rt.app, email)));
    const names = await Promise.all(
      clients.map(async (c) => (await c.get('session')).json().user.name as string),
    );
    // Nothing cached: the sessions asked in the same moment are read together.
    sessionCache(rt.db).clear();
    const answers = await Promise.all([
      ...clients.map((c) => c.get('session')),
      rt.app.inject({
        url: '/api/tyrskyla/session',
        headers: { cookie: 'helppo_session=not-a-session' },
      }),
      rt.app.inject({
        url: '/api/nosuchplace/session',
        headers: { cookie: clients[1]!.cookieHeader() },
      }),
      ...clients.map((c) => c.get('session')),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 404, 200, 200, 200]);
    expect(answers.slice(0, 3).map((a) => a.json().user.name)).toEqual(names);
    expect(answers[3]!.json().user).toBeNull();
    expect(answers.slice(5).map((a) => a.json().user.name)).toEqual(names);
    expect(new Set(names).size).toBe(3);
  });

  it('slides forward the expiry of sessions that come back after a while, and only theirs', async () => {
    const clients = await Promise.all(THREE.map((email) => loggedIn(rt.app, email)));
    const ids = await Promise.all(THREE.map(personId));
    // The first two last wrote five minutes ago, the third ten seconds ago; all three would end
    // in ten minutes (an earlier expiry is announced, so the cache drops them).
    await asSystem(rt.db, async (tx) => {
      for (const [i, id] of ids.entries()) {
        await sql`update sessions set expires_at = now() + interval '10 minutes',
                    last_seen_at = now() - ${i < 2 ? '5 minutes' : '10 seconds'}::interval
                  where person_id = ${id}`.execute(tx);
      }
    });
    sessionCache(rt.db).clear();
    const answers = await Promise.all([...clients, ...clients].map((c) => c.get('session')));
    expect(answers.map((a) => a.json().user?.email)).toEqual([...THREE, ...THREE]);
    const sessions = await asSystem(rt.db, (tx) =>
      sql<{ person_id: string; slid: boolean; seen: boolean }>`
        select person_id, expires_at > now() + interval '7 hours' as slid,
               last_seen_at > now() - interval '1 minute' as seen
        from sessions where person_id = any(${ids}::uuid[])`.execute(tx),
    );
    const byPerson = new Map(sessions.rows.map((r) => [r.person_id, r]));
    expect(ids.map((id) => byPerson.get(id))).toEqual([
      { person_id: ids[0], slid: true, seen: true },
      { person_id: ids[1], slid: true, seen: true },
      // Written ten seconds ago: not again yet (once a minute is enough).
      { person_id: ids[2], slid: false, seen: true },
    ]);
  });

  it.runIf(isServer())('hears a sign-out made by another process (LISTEN/NOTIFY)', async () => {
    // A second runtime with its own connections and its own cache stands for another process.
    const otherDb = await openDatabase({ url: rt.url!, poolSize: 2 });
    const other = await createRuntime(testConfig(), { db: otherDb });
    try {
      const here = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
      const there = here.withApp(other.app);
      expect((await here.get('session')).json().user).not.toBeNull();
      expect((await there.get('session')).json().user).not.toBeNull();
      expect((await here.post('session/logout-everywhere')).statusCode).toBe(204);
      expect(await eventually(async () => (await there.get('session')).json().user === null)).toBe(
        true,
      );
    } finally {
      await other.close();
      await otherDb.close();
    }
  });
});
