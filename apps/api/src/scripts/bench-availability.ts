/**
 * npm run bench:availability — week availability of facilities with a year of bookings,
 * against the PostgreSQL server of DATABASE_URL (a scratch database, dropped afterwards).
 *
 * RESOURCES facilities (default 200) open 06–24 every day, each with 14 one-hour bookings a
 * day for a year around today (about a million reservations). Clients ask for the
 * availability of a random facility and week for SECONDS seconds (default 20) over
 * CONNECTIONS connections (default 64). In the same run a bare Fastify hello-world on the
 * same machine gives the HTTP baseline. Prints one JSON object.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  load,
  percentile,
  requireDatabaseUrl,
  scratchDatabase,
  startHelloServer,
  startServer,
  type Sample,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    resources: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
  },
});
const RESOURCES = Number(values.resources ?? process.env.RESOURCES ?? 200);
const SECONDS = Number(values.seconds ?? process.env.SECONDS ?? 20);
const CONNECTIONS = Number(values.connections ?? process.env.CONNECTIONS ?? 64);
const log = (message: string) => process.stderr.write(`[bench:availability] ${message}\n`);

/** Requests for `seconds`: the load runs in rounds until the time is up. */
async function timed(make: () => { method: string; url: string; headers: Record<string, string> }) {
  const samples: Sample[] = [];
  const started = performance.now();
  let seconds = 0;
  while (seconds < SECONDS) {
    const round = await load(Array.from({ length: CONNECTIONS * 50 }, make), CONNECTIONS);
    samples.push(...round.samples);
    seconds = (performance.now() - started) / 1000;
  }
  const latencies = samples.map((s) => s.ms);
  return {
    requests: samples.length,
    perSecond: samples.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: samples.filter((s) => s.status !== 200).length,
  };
}

async function main() {
  const baseUrl = requireDatabaseUrl();
  const scratch = await scratchDatabase(baseUrl, `helppo_bench_avail_${process.pid}`);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    log('starting the server (migrations, demo data)');
    server = await startServer(scratch.url, { DATABASE_POOL_SIZE: '20', JOB_WORKER: 'false' });
    const db = new pg.Client({ connectionString: scratch.url });
    await db.connect();
    const municipality = (
      await db.query<{ id: string }>(`select id from municipalities where slug = 'tyrskyla'`)
    ).rows[0]!.id;
    const booker = (await db.query<{ id: string }>(`select id from people limit 1`)).rows[0]!.id;
    log(`creating ${RESOURCES} facilities with a year of bookings`);
    const started = performance.now();
    const resources = await db.query<{ id: string }>(
      `insert into resources (municipality_id, kind, name_fi, name_sv, name_en, capacity,
                              slot_min_minutes, slot_max_minutes, book_ahead_days)
       select $1, 'meeting_room', 'Tila ' || n, 'Lokal ' || n, 'Room ' || n, 10, 60, 180, 365
       from generate_series(1, $2) n returning id`,
      [municipality, RESOURCES],
    );
    const ids = resources.rows.map((r) => r.id);
    await db.query(
      `insert into opening_hours (municipality_id, resource_id, weekday, opens, closes)
       select $1, r, d, '06:00', '00:00' from unnest($2::uuid[]) r, generate_series(1, 7) d`,
      [municipality, ids],
    );
    await db.query(
      `insert into reservations (municipality_id, resource_id, kind, person_id, during, blocks, status)
       select $1, r, 'booking', $3, t, t, 'confirmed'
       from unnest($2::uuid[]) r,
            generate_series(current_date - 182, current_date + 182, interval '1 day') d,
            generate_series(6, 19) h,
            lateral (select tstzrange(((d::date + make_interval(hours => h)) at time zone 'Europe/Helsinki'),
                                      ((d::date + make_interval(hours => h + 1)) at time zone 'Europe/Helsinki')) as t) x`,
      [municipality, ids, booker],
    );
    await db.query('analyze');
    const count = Number(
      (await db.query<{ n: string }>(`select count(*) as n from reservations`)).rows[0]!.n,
    );
    log(`${count} reservations in ${Math.round((performance.now() - started) / 1000)} s`);
    await db.end();

    const base = server.base;
    const today = Date.now();
    const availability = await timed(() => {
      const id = ids[Math.floor(Math.random() * ids.length)]!;
      const from = new Date(today + Math.floor(Math.random() * 300 - 150) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      return {
        method: 'GET',
        url: `${base}/api/tyrskyla/resources/${id}/availability?from=${from}&days=7`,
        headers: {},
      };
    });
    await server.stop();
    server = null;

    log('the Fastify hello-world baseline');
    const hello = await startHelloServer();
    const baseline = await timed(() => ({ method: 'GET', url: hello.url, headers: {} }));
    hello.stop();
    console.log(
      JSON.stringify({
        resources: RESOURCES,
        reservations: count,
        connections: CONNECTIONS,
        requests: availability.requests,
        errors: availability.errors,
        requests_per_s: Math.round(availability.perSecond),
        p50_ms: Math.round(availability.p50 * 10) / 10,
        p99_ms: Math.round(availability.p99 * 10) / 10,
        hello_world_requests_per_s: Math.round(baseline.perSecond),
        hello_world_p99_ms: Math.round(baseline.p99 * 10) / 10,
        ratio_vs_hello_world: Number((availability.perSecond / baseline.perSecond).toFixed(3)),
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
