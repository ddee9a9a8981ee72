/**
 * npm run bench:bulletin — a bulletin to a whole unit, delivered live, against the PostgreSQL
 * server of DATABASE_URL (a scratch database is created on it and dropped afterwards).
 *
 * A unit with GUARDIANS guardians (default 1 000), each signed in with a child placed there and
 * connected to the real-time stream (SSE, /notifications/stream), one connection each, and
 * MESSAGES old messages (default 100 000) in the database. The unit's staff member sends a
 * bulletin to the unit; the time from sending until each guardian's stream has received the
 * new unread count is measured (p50, p99, max). Then, with the streams still connected,
 * clients ask getUnreadCount for SECONDS seconds (default 20) over CONNECTIONS connections
 * (default 64); in the same run a bare Fastify hello-world gives the HTTP baseline under the
 * same load, and every guardian's session read (a signed-in request doing nothing else) shows
 * what the per-request session lookup alone allows. Prints one JSON object. Loopback only.
 *
 * Options: --guardians N --messages N --seconds N --connections N (or the same in capitals).
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import {
  load,
  percentile,
  requireDatabaseUrl,
  scratchDatabase,
  startHelloServer,
  startServer,
  type Sample,
} from './bench-support.js';
import { benchBulletinData } from './bench-bulletin-data.js';

const { values } = parseArgs({
  options: {
    guardians: { type: 'string' },
    messages: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string' },
  },
});
const GUARDIANS = Number(values.guardians ?? process.env.GUARDIANS ?? 1000);
const MESSAGES = Number(values.messages ?? process.env.MESSAGES ?? 100_000);
const SECONDS = Number(values.seconds ?? process.env.SECONDS ?? 20);
const CONNECTIONS = Number(values.connections ?? process.env.CONNECTIONS ?? 64);
/** How long to wait for every stream, to connect and to receive the bulletin. */
const WAIT_MS = 60_000;
const log = (message: string) => process.stderr.write(`[bench:bulletin] ${message}\n`);
const round = (ms: number) => Math.round(ms * 10) / 10;

/** One guardian's live stream: the `messages` counter as it arrives, with the time. */
function openStream(base: string, token: string) {
  let resolveReady: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const stream = {
    ready,
    initial: -1,
    received: null as number | null,
    target: -1,
    close: () => request.destroy(),
  };
  let buffer = '';
  const request = http.get(
    `${base}/api/tyrskyla/notifications/stream`,
    { headers: { cookie: `helppo_session=${token}`, accept: 'text/event-stream' }, agent: false },
    (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event !== 'messages' || !data) continue;
          const count = (JSON.parse(data) as { unreadCount: number }).unreadCount;
          if (stream.initial < 0) {
            stream.initial = count;
            resolveReady();
          } else if (stream.received === null && count === stream.target) {
            stream.received = performance.now();
          }
        }
      });
    },
  );
  request.on('error', () => undefined);
  return stream;
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Requests for SECONDS seconds: the load runs in rounds until the time is up. */
async function timed(make: () => { method: string; url: string; headers: Record<string, string> }) {
  const samples: Sample[] = [];
  const started = performance.now();
  let seconds = 0;
  while (seconds < SECONDS) {
    const batch = await load(Array.from({ length: CONNECTIONS * 50 }, make), CONNECTIONS);
    samples.push(...batch.samples);
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

async function helloBaseline() {
  const hello = await startHelloServer();
  try {
    return await timed(() => ({ method: 'GET', url: hello.url, headers: {} }));
  } finally {
    hello.stop();
  }
}

async function main() {
  const baseUrl = requireDatabaseUrl();
  const scratch = await scratchDatabase(baseUrl, `helppo_bench_bulletin_${process.pid}`);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  const streams: ReturnType<typeof openStream>[] = [];
  try {
    log('starting the server (migrations, demo data)');
    server = await startServer(scratch.url, {
      DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '40',
      JOB_WORKER: 'false',
    });
    const base = server.base;
    log(`creating a unit with ${GUARDIANS} guardians and ${MESSAGES} old messages`);
    const data = await benchBulletinData(scratch.url, GUARDIANS, MESSAGES);

    log(`connecting ${GUARDIANS} live streams`);
    for (let i = 0; i < data.guardianTokens.length; i += 100) {
      const batch = data.guardianTokens.slice(i, i + 100).map((t) => openStream(base, t));
      streams.push(...batch);
      await within(Promise.all(batch.map((s) => s.ready)), WAIT_MS, 'streams');
    }
    for (const s of streams) s.target = s.initial + 1;

    const staffCookie = `helppo_session=${data.staffToken}`;
    const session = await fetch(`${base}/api/tyrskyla/session`, {
      headers: { cookie: staffCookie },
    });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const csrfCookie = session.headers.getSetCookie().map((c) => c.split(';')[0]);

    log('the unit sends a bulletin');
    const sentAt = performance.now();
    const sent = await fetch(`${base}/api/tyrskyla/messages/threads`, {
      method: 'POST',
      headers: {
        cookie: [staffCookie, ...csrfCookie].join('; '),
        'x-csrf-token': csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        scope: 'unit',
        unitId: data.unitId,
        kind: 'bulletin',
        title: 'Huomenna retkipäivä',
        body: 'Pakatkaa lapselle reppu ja juomapullo.',
      }),
    });
    const sendMs = performance.now() - sentAt;
    if (sent.status !== 201) throw new Error(`send: ${sent.status} ${await sent.text()}`);
    const { recipients } = (await sent.json()) as { recipients: number };
    const deadline = Date.now() + WAIT_MS;
    while (streams.some((s) => s.received === null) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const delivered = streams.filter((s) => s.received !== null);
    const delays = delivered.map((s) => s.received! - sentAt);

    // What any signed-in request costs here (the session and the municipality looked up, no
    // work of its own): the ceiling of getUnreadCount on this server, between it and hello-world.
    log(`signed-in session reads for ${SECONDS} s over ${CONNECTIONS} connections`);
    const cookies = data.guardianTokens.map((t) => `helppo_session=${t}`);
    const sessionRead = await timed(() => ({
      method: 'GET',
      url: `${base}/api/tyrskyla/session`,
      headers: { cookie: cookies[Math.floor(Math.random() * cookies.length)]! },
    }));
    log(`getUnreadCount for ${SECONDS} s over ${CONNECTIONS} connections, streams connected`);
    const unread = await timed(() => ({
      method: 'GET',
      url: `${base}/api/tyrskyla/messages/unread`,
      headers: { cookie: cookies[Math.floor(Math.random() * cookies.length)]! },
    }));
    for (const s of streams) s.close();
    await server.stop();
    server = null;

    log('the Fastify hello-world baseline');
    const hello = await helloBaseline();
    console.log(
      JSON.stringify({
        guardians: GUARDIANS,
        streams_connected: streams.length,
        recipients,
        delivered: delivered.length,
        messages_in_db: data.messagesInDb,
        send_ms: round(sendMs),
        delivery_p50_ms: round(percentile(delays, 50)),
        delivery_p99_ms: round(percentile(delays, 99)),
        delivery_max_ms: round(Math.max(0, ...delays)),
        connections: CONNECTIONS,
        unread_requests: unread.requests,
        unread_errors: unread.errors,
        unread_count_per_s: Math.round(unread.perSecond),
        unread_p50_ms: round(unread.p50),
        unread_p99_ms: round(unread.p99),
        session_read_per_s: Math.round(sessionRead.perSecond),
        hello_world_per_s: Math.round(hello.perSecond),
        hello_world_p99_ms: round(hello.p99),
        ratio_vs_hello_world: Number((unread.perSecond / hello.perSecond).toFixed(3)),
      }),
    );
  } finally {
    for (const s of streams) s.close();
    await server?.stop();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
