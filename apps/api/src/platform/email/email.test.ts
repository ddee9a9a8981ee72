import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { isServer, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem, inTenant, openDatabase } from '../db/database.js';
import { enqueueJob } from '../jobs/queue.js';
import { JobWorker, type Job } from '../jobs/worker.js';
import { emailHandlers, enqueueEmail } from './outbox.js';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps every message it is given. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((r) => server.close(r)),
  };
}

/** A port where nothing listens: the mail server is down. */
async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Raw header value (no folding or encoded words in the ASCII values used here). */
const header = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'im').exec(raw.split(/\r?\n\r?\n/)[0] ?? '')?.[1];

const message = (municipalityId: string, subject: string) => ({
  municipalityId,
  to: 'asukas@tyrskyla.example',
  subject,
  text: 'x',
});

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const outbox = (rt: Rt, subject: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('email_outbox')
      .selectAll()
      .where('subject', '=', subject)
      .orderBy('to_address')
      .execute(),
  );

async function tyrskyla(rt: Rt) {
  return asSystem(rt.db, (tx) =>
    tx
      .selectFrom('municipalities')
      .select('id')
      .where('slug', '=', 'tyrskyla')
      .executeTakeFirstOrThrow(),
  );
}

describe('email with an SMTP server and the job worker running', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let rt: Rt;
  beforeAll(async () => {
    smtp = await startSmtp();
    rt = await startRuntime({ SMTP_URL: smtp.url, JOB_WORKER: 'true' });
  });
  afterAll(async () => {
    await rt?.dispose();
    await smtp?.close();
  });

  it('delivers an announcement by email to every resident and marks the outbox sent', async () => {
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    const subject = 'Uimahalli suljettu huomenna';
    const response = await admin.post('admin/notifications', {
      role: 'resident',
      title: subject,
      body: 'Uimahalli on suljettu huoltotoiden vuoksi.',
      email: true,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ recipients: 2 });

    const mails = await until('two emails', () => {
      const found = smtp.received.filter((m) => header(m.raw, 'Subject') === subject);
      return found.length === 2 && found;
    });
    expect(mails.flatMap((m) => m.to).sort()).toEqual([
      'asukas@tyrskyla.example',
      'huoltaja@tyrskyla.example',
    ]);
    for (const mail of mails) {
      expect(header(mail.raw, 'To')).toBe(mail.to[0]);
      expect(header(mail.raw, 'From')).toBe('Helppo <noreply@helppo.example>');
      expect(mail.raw).toContain('Uimahalli on suljettu huoltotoiden vuoksi.');
    }

    const listed = await until('outbox rows sent', async () => {
      const items = (await admin.get('admin/emails')).json().items as {
        id: string;
        to: string;
        subject: string;
        status: string;
        sentAt: string | null;
      }[];
      const ours = items.filter((item) => item.subject === subject);
      return ours.length === 2 && ours.every((item) => item.status === 'sent') && ours;
    });
    for (const item of listed) {
      expect(item.sentAt).not.toBeNull();
      const mail = mails.find((m) => m.to[0] === item.to)!;
      expect(header(mail.raw, 'X-Helppo-Email-Id')).toBe(item.id);
    }
    expect(smtp.received.some((m) => m.to.includes('asukas@pyharanta.example'))).toBe(false);
  });

  it('sends nothing for a rolled-back change', async () => {
    const { id } = await tyrskyla(rt);
    await expect(
      inTenant(rt.db, id, async (tx) => {
        await enqueueEmail(tx, message(id, 'Peruttu muutos'));
        throw new Error('the change fails after the email was queued');
      }),
    ).rejects.toThrow('the change fails');
    // A committed email afterwards: once it has arrived, the worker has seen the whole queue.
    await inTenant(rt.db, id, (tx) => enqueueEmail(tx, message(id, 'Voimassa oleva muutos')));
    await until('the committed email', () =>
      smtp.received.some((m) => header(m.raw, 'Subject') === 'Voimassa oleva muutos'),
    );
    expect(smtp.received.some((m) => header(m.raw, 'Subject') === 'Peruttu muutos')).toBe(false);
    expect(await outbox(rt, 'Peruttu muutos')).toEqual([]);
  });
});

describe('the outbox and job queue, worked by the tests', () => {
  let rt: Rt;
  beforeAll(async () => {
    rt = await startRuntime(); // JOB_WORKER is false: the tests run the workers themselves
  });
  afterAll(async () => rt?.dispose());

  const from = 'Helppo <noreply@helppo.example>';

  it('retries with backoff while the server is down, then marks the email failed', async () => {
    const { id } = await tyrskyla(rt);
    const worker = new JobWorker(
      rt.db,
      emailHandlers(rt.db, { smtpUrl: `smtp://127.0.0.1:${await deadPort()}`, from }),
      rt.app.log,
    );
    const emailId = await inTenant(rt.db, id, (tx) =>
      enqueueEmail(tx, message(id, 'Palvelin alhaalla')),
    );
    const job = () =>
      asSystem(rt.db, (tx) =>
        tx
          .selectFrom('jobs')
          .selectAll()
          .where(sql<string>`payload->>'emailId'`, '=', emailId)
          .executeTakeFirstOrThrow(),
      );
    const email = async () => (await outbox(rt, 'Palvelin alhaalla'))[0]!;
    const jobId = (await job()).id;
    await asSystem(rt.db, (tx) =>
      sql`update jobs set max_attempts = 3 where id = ${jobId}`.execute(tx),
    );
    const makeDue = () =>
      asSystem(rt.db, (tx) => sql`update jobs set run_at = now() where id = ${jobId}`.execute(tx));

    let previousRunAt = 0;
    for (const attempt of [1, 2]) {
      const before = Date.now();
      await worker.wake();
      const row = await job();
      expect(row.attempts).toBe(attempt);
      expect(row.failed_at).toBeNull();
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
      // Exponential backoff: 2 s after the first failure, 4 s after the second.
      const delay = row.run_at.getTime() - before;
      expect(delay).toBeGreaterThan(2 ** attempt * 1000 - 1500);
      expect(delay).toBeLessThan(2 ** attempt * 1000 + 1500);
      expect(row.run_at.getTime()).toBeGreaterThan(previousRunAt);
      previousRunAt = row.run_at.getTime();
      expect((await email()).status).toBe('pending');
      await worker.wake(); // not due yet: nothing happens
      expect((await job()).attempts).toBe(attempt);
      await makeDue();
    }
    await worker.wake();
    const final = await job();
    expect(final.attempts).toBe(3);
    expect(final.failed_at).not.toBeNull();
    expect(final.done_at).toBeNull();
    expect(await email()).toMatchObject({ status: 'failed', attempts: 3, sent_at: null });
    await makeDue();
    await worker.wake(); // a failed job is never retried
    expect((await job()).attempts).toBe(3);
  });

  it('keeps emails for administrators in demo mode (no SMTP_URL)', async () => {
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    const response = await admin.post('admin/notifications', {
      role: 'guardian',
      title: 'Demotila',
      body: 'Vain ylläpitäjä näkee tämän viestin.',
      email: true,
    });
    expect(response.json()).toEqual({ recipients: 1 });
    const worker = new JobWorker(rt.db, emailHandlers(rt.db, { from }), rt.app.log);
    await worker.wake();
    const items = (await admin.get('admin/emails')).json().items as Record<string, unknown>[];
    expect(items.filter((item) => item.subject === 'Demotila')).toEqual([
      expect.objectContaining({
        to: 'huoltaja@tyrskyla.example',
        status: 'kept',
        text: expect.stringContaining('Vain ylläpitäjä näkee tämän viestin.'),
      }),
    ]);
    // Another municipality's administrator does not see them.
    const other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    const theirs = (await other.get('admin/emails')).json().items as Record<string, unknown>[];
    expect(theirs.some((item) => item.subject === 'Demotila')).toBe(false);
  });

  it.skipIf(!isServer())(
    'runs each job exactly once with two workers on two connections (PostgreSQL only; skipped on PGlite)',
    async () => {
      const second = await openDatabase({ url: rt.url!, poolSize: 3 });
      try {
        const calls = new Map<number, string[]>();
        const started = new Set<string>();
        let bothStarted: () => void = () => undefined;
        const together = new Promise<void>((resolve) => (bothStarted = resolve));
        const handler = (name: string) => async (job: Job) => {
          calls.set(job.id, [...(calls.get(job.id) ?? []), name]);
          started.add(name);
          if (started.size === 2) bothStarted();
          // Hold the first jobs until both workers are busy, so they really run side by side.
          await Promise.race([together, new Promise((resolve) => setTimeout(resolve, 5000))]);
          await new Promise((resolve) => setTimeout(resolve, 5));
        };
        await asSystem(rt.db, async (tx) => {
          for (let i = 0; i < 20; i++) await enqueueJob(tx, 'test.count', { i });
        });
        const one = new JobWorker(rt.db, { 'test.count': handler('one') }, rt.app.log);
        const two = new JobWorker(second, { 'test.count': handler('two') }, rt.app.log);
        await Promise.all([one.wake(), two.wake()]);
        expect(calls.size).toBe(20);
        expect([...calls.values()].every((names) => names.length === 1)).toBe(true);
        expect(started).toEqual(new Set(['one', 'two']));
        const left = await asSystem(rt.db, (tx) =>
          tx
            .selectFrom('jobs')
            .select('id')
            .where('kind', '=', 'test.count')
            .where('done_at', 'is', null)
            .execute(),
        );
        expect(left).toEqual([]);
      } finally {
        await second.close();
      }
    },
  );
});
