import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../db/database.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(async () => rt?.dispose());

describe('password login', () => {
  it('logs in, shows name and roles of this municipality, and logs out', async () => {
    const client = new Client(rt.app);
    const login = await client.login('ADMIN@tyrskyla.example ', 'demo');
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({
      user: { name: 'Aino Ylläpitäjä', email: 'admin@tyrskyla.example', language: 'fi' },
      roles: ['staff', 'admin'],
    });
    const cookie = login.cookies.find((c) => c.name === 'helppo_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    // A browser-session cookie: the database ends idle sessions, not a fixed cookie lifetime.
    expect(cookie.maxAge).toBeUndefined();
    expect(cookie.expires).toBeUndefined();

    const me = await client.get('session');
    expect(me.json().user.name).toBe('Aino Ylläpitäjä');

    expect((await client.delete('session')).statusCode).toBe(204);
    expect((await client.get('session')).json().user).toBeNull();
  });

  it('gives a wrong password and an unknown user the same answer', async () => {
    const wrong = await new Client(rt.app).login('asukas@tyrskyla.example', 'wrong');
    const unknown = await new Client(rt.app).login('nobody@tyrskyla.example', 'wrong');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().title).toBe('Kirjautuminen epäonnistui');
  });

  it('takes similar time for an unknown user and a wrong password', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await new Client(rt.app).login(email, 'wrong-password');
      return performance.now() - started;
    };
    // Warm up, then compare medians of a few rounds each.
    await time('timing-warmup@tyrskyla.example');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await time('tilat@tyrskyla.example'));
      unknown.push(await time(`ghost-${i}@tyrskyla.example`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(known);
    // Without the dummy hash an unknown user answers 10–50x faster (no argon2 work); the
    // wide band keeps the test steady on a busy machine while still catching that.
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('locks the account after repeated failures, also for unknown emails', async () => {
    for (const email of ['digiryhma@tyrskyla.example', 'not-a-user@tyrskyla.example']) {
      const client = new Client(rt.app);
      for (let i = 0; i < 4; i++) expect((await client.login(email, 'bad')).statusCode).toBe(401);
      const fifth = await client.login(email, 'bad');
      expect(fifth.statusCode).toBe(429);
      expect(fifth.headers['retry-after']).toBe('900');
      // Even the right password is refused while locked.
      const locked = await client.login(email, 'demo');
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('loginLocked');
    }
    // The lock expires: pretend the time has passed.
    await asSystem(rt.db, (tx) =>
      sql`update login_attempts set locked_until = now() - interval '1 second'`.execute(tx),
    );
    expect((await new Client(rt.app).login('digiryhma@tyrskyla.example', 'demo')).statusCode).toBe(
      200,
    );
  });

  it('counts concurrent failures without losing any', async () => {
    const email = 'huoltaja@tyrskyla.example';
    await Promise.all(Array.from({ length: 5 }, () => new Client(rt.app).login(email, 'bad')));
    const row = await asSystem(rt.db, (tx) =>
      tx.selectFrom('login_attempts').selectAll().where('email_key', '=', email).executeTakeFirst(),
    );
    expect(row?.failures).toBe(5);
    expect(row?.locked_until).not.toBeNull();
  });

  it('answers in the language asked for', async () => {
    const sv = await new Client(rt.app, 'tyrskyla', 'sv').login('x@y.example', 'bad');
    expect(sv.json().title).toBe('Inloggningen misslyckades');
    const en = await new Client(rt.app, 'tyrskyla', 'en-GB,en;q=0.8').login('x@y.example', 'bad');
    expect(en.json().title).toBe('Login failed');
  });

  it('rate-limits login attempts per address', async () => {
    const limited = await startRuntime({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const client = new Client(limited.app);
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await client.login(`r${i}@x.example`, 'bad')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      // A forged X-Forwarded-For does not buy new attempts (no proxy is trusted by default).
      const forged = await client.request(
        'POST',
        'session',
        { email: 'r9@x.example', password: 'bad' },
        { 'x-forwarded-for': '203.0.113.7' },
      );
      expect(forged.statusCode).toBe(429);
    } finally {
      await limited.dispose();
    }
  });
});

describe('sessions and CSRF', () => {
  it('refuses state-changing requests without the CSRF token', async () => {
    const client = await loggedIn(rt.app, 'admin@tyrskyla.example');
    client.csrfToken = 'forged';
    const response = await client.post('admin/notifications', {
      role: 'resident',
      title: 't',
      body: 'b',
      email: false,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf');
  });

  it('refuses a login without the CSRF token (login CSRF)', async () => {
    const response = await rt.app.inject({
      method: 'POST',
      url: '/api/tyrskyla/session',
      payload: { email: 'asukas@tyrskyla.example', password: 'demo' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('issues a new session on login and ends all sessions with logout everywhere', async () => {
    const phone = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const laptop = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await phone.post('session/logout-everywhere')).statusCode).toBe(204);
    expect((await laptop.get('session')).json().user).toBeNull();
    expect((await phone.get('session')).json().user).toBeNull();
  });

  it('remembers the chosen language', async () => {
    const client = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    expect((await client.put('session/language', { language: 'sv' })).statusCode).toBe(204);
    const me = await client.get('session');
    expect(me.json().user.language).toBe('sv');
    // The person's choice wins over the browser's Accept-Language.
    const problem = await client.get('admin/people');
    expect(problem.json().title).toBe('Åtkomst nekad');
  });

  it('expires idle sessions', async () => {
    const client = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
    await asSystem(rt.db, (tx) =>
      sql`update sessions set expires_at = now() - interval '1 second'`.execute(tx),
    );
    expect((await client.get('session')).json().user).toBeNull();
  });
});
