/**
 * npm run bench:rush — the course registration rush against the PostgreSQL server of
 * DATABASE_URL (a scratch database is created on it and dropped afterwards).
 *
 * A course with SEATS seats (default 500) and PARENTS guardians (default 5 000), each signed
 * in with one child. Before the opening every guardian has the course page open (loaded over
 * CONNECTIONS, default 1 000, new loopback connections to a real Helppo server, kept open as a
 * browser keeps them). When registration opens, every guardian registers at once over those
 * connections. Afterwards the
 * database is checked: held + confirmed seats ≤ seats, no child twice, no 5xx. In the same run
 * pgbench measures the PostgreSQL baselines on the same server: one hot counter row updated by
 * every transaction, and the same spread over 100 rows; and as the HTTP baseline every guardian
 * reads their session once over the same connections. Then the same rush on a second course
 * through the registration service in this process, without HTTP. Prints one JSON object.
 *
 * Options: --seats N --parents N --connections N (or SEATS, PARENTS, CONNECTIONS); --cold (or
 * COLD=1): the opening comes after the session cache's entries have run out, and every
 * session is due for its once-a-minute sliding expiry, as when the page has been open a while.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashToken } from '../platform/auth/session.repo.js';
import { openDatabase } from '../platform/db/database.js';
import { municipalityWithRoles } from '../platform/municipality/municipality.repo.js';
import type { Ctx } from '../platform/http/context.js';
import { registerForCourse } from '../modules/bookings/courses.register.js';
import {
  cpuTimes,
  loadClient,
  percentile,
  pgbench,
  requireDatabaseUrl,
  scratchDatabase,
  startServer,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    seats: { type: 'string' },
    parents: { type: 'string' },
    connections: { type: 'string' },
    cold: { type: 'boolean' },
  },
});
const SEATS = Number(values.seats ?? process.env.SEATS ?? 500);
const PARENTS = Number(values.parents ?? process.env.PARENTS ?? 5000);
const CONNECTIONS = Number(values.connections ?? process.env.CONNECTIONS ?? 1000);
const COLD = values.cold === true || process.env.COLD === '1';
const log = (message: string) => process.stderr.write(`[bench:rush] ${message}\n`);

/** A course with seat rows, for the SQL-only measurement. */
async function scratchCourse(url: string, municipality: string, seats: number) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const course = await db.query<{ id: string }>(
    `insert into courses (municipality_id, name_fi, name_sv, name_en, seats,
                          registration_opens_at, registration_closes_at)
     values ($1, 'SQL', 'SQL', 'SQL', $2, now(), now() + interval '1 day') returning id`,
    [municipality, seats],
  );
  const id = course.rows[0]!.id;
  await db.query(
    `insert into course_seats (municipality_id, course_id, seat_no)
     select $1, $2, n from generate_series(1, $3) n`,
    [municipality, id, seats],
  );
  await db.end();
  return id;
}

/** Every guardian registers their child for `courseId` at once, through the service. */
async function serviceRush(url: string, people: string[], children: string[], courseId: string) {
  const db = await openDatabase({
    url,
    poolSize: Number(process.env.BENCH_POOL_SIZE ?? 40),
  });
  try {
    const found = await municipalityWithRoles(db.kysely, 'tyrskyla', people[0]!);
    const ctxOf = (personId: string, i: number): Ctx => ({
      db,
      municipality: found!.municipality,
      actor: { personId, sessionId: personId, name: `Rush ${i}`, email: null, language: 'fi' },
      roles: found!.roles,
      requestId: `bench-${i}`,
      language: 'fi',
      baseUrl: 'http://127.0.0.1',
    });
    const started = performance.now();
    const outcomes = await Promise.allSettled(
      people.map((personId, i) => registerForCourse(ctxOf(personId, i), courseId, [children[i]!])),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      perSecond: people.length / seconds,
      failed: outcomes.filter((o) => o.status === 'rejected').length,
    };
  } finally {
    await db.close();
  }
}

type CpuTimes = Awaited<ReturnType<typeof cpuTimes>>;
function cpuPerRequest(before: CpuTimes, after: CpuTimes, requests: number) {
  if (!before || !after) return null;
  return Object.fromEntries(
    (['server', 'postgres', 'load'] as const).map((k) => [
      k,
      Number(((after[k] - before[k]) / requests).toFixed(3)),
    ]),
  );
}

async function main() {
  const baseUrl = requireDatabaseUrl();
  const scratch = await scratchDatabase(baseUrl, `helppo_bench_rush_${process.pid}`);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    log('starting the server (migrations, demo data)');
    server = await startServer(scratch.url, {
      DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '40',
      JOB_WORKER: 'false',
    });
    const db = new pg.Client({ connectionString: scratch.url });
    await db.connect();
    const municipality = (
      await db.query<{ id: string }>(`select id from municipalities where slug = 'tyrskyla'`)
    ).rows[0]!.id;
    const fee = (
      await db.query<{ id: string }>(
        `select id from products where kind = 'course_fee' and municipality_id = $1 limit 1`,
        [municipality],
      )
    ).rows[0]!.id;

    log(`creating ${PARENTS} guardians with a child and a session each`);
    const tokens = Array.from({ length: PARENTS }, () => randomBytes(32).toString('base64url'));
    await db.query('begin');
    const people = await db.query<{ id: string; n: number }>(
      `insert into people (email, name, language)
       select 'rush' || n || '@bench.example', 'Rush ' || n, 'fi' from generate_series(1, $1) n
       returning id, (regexp_replace(email, '[^0-9]', '', 'g'))::int as n`,
      [PARENTS],
    );
    const ids = people.rows.sort((a, b) => a.n - b.n).map((r) => r.id);
    await db.query(
      `insert into role_grants (municipality_id, person_id, role)
       select $1, unnest($2::uuid[]), 'resident'`,
      [municipality, ids],
    );
    await db.query(
      `insert into sessions (token_hash, person_id, auth_method, expires_at)
       select unnest($1::text[]), unnest($2::uuid[]), 'password', now() + interval '8 hours'`,
      [tokens.map(hashToken), ids],
    );
    const children = await db.query<{ id: string }>(
      `with c as (
         insert into children (municipality_id, first_name, last_name, birth_date)
         select $1, 'Lapsi', 'Rush ' || n, date '2019-06-01' from generate_series(1, $2) n
         returning id, (regexp_replace(last_name, '[^0-9]', '', 'g'))::int as n)
       select id from c order by n`,
      [municipality, PARENTS],
    );
    const childIds = children.rows.map((r) => r.id);
    await db.query(
      `insert into guardianships (municipality_id, child_id, person_id)
       select $1, unnest($2::uuid[]), unnest($3::uuid[])`,
      [municipality, childIds, ids],
    );
    // Registration opens a little after the sessions are ready.
    const course = await db.query<{ id: string }>(
      `insert into courses (municipality_id, name_fi, name_sv, name_en, age_min, age_max, seats,
                            price_product_id, registration_opens_at, registration_closes_at)
       values ($1, 'Ruuhkakurssi', 'Rusningskurs', 'Rush course', 3, 10, $2, $3,
               now() + interval '1 hour', now() + interval '2 days') returning id`,
      [municipality, SEATS, fee],
    );
    const courseId = course.rows[0]!.id;
    await db.query(
      `insert into course_sessions (municipality_id, course_id, starts_at, ends_at)
       values ($1, $2, now() + interval '7 days', now() + interval '7 days 45 minutes')`,
      [municipality, courseId],
    );
    await db.query(
      `insert into course_seats (municipality_id, course_id, seat_no)
       select $1, $2, n from generate_series(1, $3) n`,
      [municipality, courseId, SEATS],
    );
    await db.query('commit');

    log('fetching the CSRF token of each session (not timed)');
    const session = (token: string) => `helppo_session=${token}`;
    const credentials: { cookie: string; csrf: string }[] = [];
    for (let i = 0; i < tokens.length; i += 100) {
      credentials.push(
        ...(await Promise.all(
          tokens.slice(i, i + 100).map(async (token) => {
            const response = await fetch(`${server!.base}/api/tyrskyla/session`, {
              headers: { cookie: session(token) },
            });
            if (!response.ok) throw new Error(`session: ${response.status}`);
            const body = (await response.json()) as { csrfToken: string };
            const setCookie = response.headers.getSetCookie().map((c) => c.split(';')[0]);
            return { cookie: [session(token), ...setCookie].join('; '), csrf: body.csrfToken };
          }),
        )),
      );
    }

    // The guardians have the course page open before the opening: every one loads the course
    // over the bench's connections, all at once, which opens the connections (the storm of
    // new connections is reported as connect_storm_p99_ms). Browsers keep them open while the
    // page is open, and so does the bench for the measurements after this.
    const client = loadClient(server.base, CONNECTIONS);
    log(`${PARENTS} guardians open the course page over ${CONNECTIONS} new connections`);
    const pageLoad = await client.run(
      credentials.map((c) => ({
        method: 'GET',
        url: `${server!.base}/api/tyrskyla/courses/${courseId}`,
        headers: { cookie: c.cookie },
      })),
    );
    // The HTTP baseline: every guardian asks for their session once, over the same
    // connections: a signed-in request that does no work of its own.
    log(`baseline: ${PARENTS} signed-in session reads over ${CONNECTIONS} connections`);
    const baselineCpuBefore = await cpuTimes(server.pid);
    const baseline = await client.run(
      credentials.map((c) => ({
        method: 'GET',
        url: `${server!.base}/api/tyrskyla/session`,
        headers: { cookie: c.cookie },
      })),
    );
    const baselineCpuAfter = await cpuTimes(server.pid);
    // --cold: the guardians wait past the session cache's 30 s, as at a real opening, where the
    // course page has been open for minutes: every registration begins with a cold session.
    // Their sessions were last written when the page was opened, minutes ago, so every one is
    // due for its sliding expiry too.
    if (COLD) {
      await db.query(
        `update sessions set last_seen_at = now() - interval '5 minutes'
         where token_hash = any($1::text[])`,
        [tokens.map(hashToken)],
      );
      await new Promise((resolve) => setTimeout(resolve, 31_000));
    }
    await db.query(`update courses set registration_opens_at = now() where id = $1`, [courseId]);
    log(`registration open: ${PARENTS} guardians over ${CONNECTIONS} connections`);
    const cpuBefore = await cpuTimes(server.pid);
    const rush = await client.run(
      credentials.map((c, i) => ({
        method: 'POST',
        url: `${server!.base}/api/tyrskyla/courses/${courseId}/registrations`,
        headers: {
          cookie: c.cookie,
          'x-csrf-token': c.csrf,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ childIds: [childIds[i]] }),
      })),
    );
    const cpuAfter = await cpuTimes(server.pid);
    await client.close();
    if (pageLoad.samples.some((s) => s.status !== 200)) throw new Error('the course page failed');

    const check = await db.query<{
      seated: number;
      seat_rows_taken: number;
      duplicates: number;
      registrations: number;
    }>(
      `select
         (select count(*)::int from course_registrations
          where course_id = $1 and status in ('held', 'confirmed', 'offered')) as seated,
         (select count(*)::int from course_seats
          where course_id = $1 and registration_id is not null) as seat_rows_taken,
         (select count(*)::int from (select child_id from course_registrations where course_id = $1
            and status in ('held', 'confirmed', 'waitlisted', 'offered')
            group by child_id having count(*) > 1) d) as duplicates,
         (select count(*)::int from course_registrations where course_id = $1) as registrations`,
      [courseId],
    );
    const result = check.rows[0]!;
    const statuses = rush.samples.map((s) => s.status);
    const ok = statuses.filter((s) => s === 201).length;
    const latencies = rush.samples.map((s) => s.ms);

    // The same rush on a second course without HTTP: the registration service called in this
    // process for every guardian at once. What the database design carries when the HTTP
    // layer (parsing, the session lookup, the answer) is not on the same two cores' bill.
    log(`in-process: ${PARENTS} registrations through the service, no HTTP`);
    const second = await db.query<{ id: string }>(
      `insert into courses (municipality_id, name_fi, name_sv, name_en, age_min, age_max, seats,
                            price_product_id, registration_opens_at, registration_closes_at)
       select municipality_id, name_fi || ' 2', name_sv || ' 2', name_en || ' 2', age_min,
              age_max, seats, price_product_id, now(), registration_closes_at
       from courses where id = $1 returning id`,
      [courseId],
    );
    const secondId = second.rows[0]!.id;
    await db.query(
      `insert into course_sessions (municipality_id, course_id, starts_at, ends_at)
       select municipality_id, $2, starts_at, ends_at from course_sessions where course_id = $1`,
      [courseId, secondId],
    );
    await db.query(
      `insert into course_seats (municipality_id, course_id, seat_no)
       select $1, $2, n from generate_series(1, $3) n`,
      [municipality, secondId, SEATS],
    );
    const inProcess = await serviceRush(scratch.url, ids, childIds, secondId);
    const secondCheck = await db.query<{ seated: number; duplicates: number }>(
      `select (select count(*)::int from course_registrations
               where course_id = $1 and status in ('held', 'confirmed', 'offered')) as seated,
              (select count(*)::int from (select child_id from course_registrations
                 where course_id = $1 group by child_id having count(*) > 1) d) as duplicates`,
      [secondId],
    );

    log('pgbench baselines on the same server');
    await db.query(`create table bench_hot (id int primary key, seats bigint not null)`);
    await db.query(`insert into bench_hot values (1, 1000000000)`);
    await db.query(`create table bench_rows (id int primary key, seats bigint not null)`);
    await db.query(`insert into bench_rows select n, 1000000000 from generate_series(1, 100) n`);
    await db.end();
    const clients = 50;
    const hot = await pgbench(
      scratch.url,
      'UPDATE bench_hot SET seats = seats - 1 WHERE id = 1 AND seats > 0;\n',
      clients,
      10,
    );
    const spread = await pgbench(
      scratch.url,
      '\\set r random(1, 100)\nUPDATE bench_rows SET seats = seats - 1 WHERE id = :r AND seats > 0;\n',
      clients,
      10,
    );
    // The database side of a registration alone (a new child, a seat taken with SKIP LOCKED or
    // the waitlist, the registration and its seat), on a course of its own with as many seats
    // as the rush: how far the seat-row design goes past the hot counter row.
    const pgCourse = await scratchCourse(scratch.url, municipality, SEATS);
    const registrationTps = await pgbench(
      scratch.url,
      [
        'BEGIN;',
        "INSERT INTO children (municipality_id, first_name, last_name, birth_date) VALUES (':m', 'B', 'B', '2019-01-01') RETURNING id AS child \\gset",
        "WITH seat AS (SELECT seat_no FROM course_seats WHERE course_id = ':c' AND registration_id IS NULL ORDER BY seat_no LIMIT 1 FOR UPDATE SKIP LOCKED), " +
          'reg AS (INSERT INTO course_registrations (municipality_id, course_id, child_id, person_id, status, held_until) ' +
          "SELECT ':m', ':c', ':child', ':p', CASE WHEN EXISTS (SELECT 1 FROM seat) THEN 'held' ELSE 'waitlisted' END, " +
          "CASE WHEN EXISTS (SELECT 1 FROM seat) THEN now() + interval '15 minutes' END RETURNING id) " +
          "UPDATE course_seats SET registration_id = (SELECT id FROM reg) WHERE course_id = ':c' AND seat_no = (SELECT seat_no FROM seat);",
        'END;',
        '',
      ].join('\n'),
      clients,
      10,
      { m: municipality, c: pgCourse, p: ids[0]! },
    );
    const perSecond = ok / rush.seconds;
    console.log(
      JSON.stringify({
        seats: SEATS,
        clients: PARENTS,
        connections: CONNECTIONS,
        cold_sessions: COLD,
        confirmed: result.seated,
        waitlisted: result.registrations - result.seated,
        overbooked: Math.max(
          0,
          result.seated - SEATS,
          result.seat_rows_taken - SEATS,
          secondCheck.rows[0]!.seated - SEATS,
        ),
        duplicates: result.duplicates + secondCheck.rows[0]!.duplicates,
        errors_5xx: statuses.filter((s) => s >= 500).length,
        failed_other: statuses.filter((s) => s !== 201 && s < 500).length,
        registrations_per_s: Math.round(perSecond),
        p50_ms: Math.round(percentile(latencies, 50)),
        p99_ms: Math.round(percentile(latencies, 99)),
        pgbench_hot_row_tps: Math.round(hot),
        pgbench_100_rows_tps: Math.round(spread),
        pgbench_registration_tps: Math.round(registrationTps),
        ratio_vs_hot_row: Number((perSecond / hot).toFixed(2)),
        service_registrations_per_s: Math.round(inProcess.perSecond),
        service_ratio_vs_hot_row: Number((inProcess.perSecond / hot).toFixed(2)),
        service_failed: inProcess.failed,
        session_read_per_s: Math.round(baseline.samples.length / baseline.seconds),
        session_read_p99_ms: Math.round(
          percentile(
            baseline.samples.map((s) => s.ms),
            99,
          ),
        ),
        registration_sql_ratio_vs_hot_row: Number((registrationTps / hot).toFixed(2)),
        // CPU milliseconds per request, in the rush and in the baseline: where the shared
        // cores went.
        cpu_ms_per_registration: cpuPerRequest(cpuBefore, cpuAfter, PARENTS),
        cpu_ms_per_session_read: cpuPerRequest(baselineCpuBefore, baselineCpuAfter, PARENTS),
        connect_storm_p99_ms: Math.round(
          percentile(
            pageLoad.samples.map((s) => s.ms),
            99,
          ),
        ),
      }),
    );
  } finally {
    await server?.stop();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
