import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { Pool, type Dispatcher } from 'undici';

/** Shared by the benchmark scripts: a scratch database, the server, load and pgbench. */

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'Set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
    );
    process.exit(2);
  }
  return url;
}

/** A fresh database on the server of `baseUrl`, dropped by the returned function. */
export async function scratchDatabase(baseUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // BENCH_KEEP=1 leaves the database for a look at its plans afterwards.
      if (process.env.BENCH_KEEP === '1') return;
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The Node flags `npm start` runs the server with (apps/api/package.json): a young generation
 * of 64 MB semi-spaces, so the short-lived objects of a request burst die young instead of
 * being copied around (bench:rush: the server's CPU per registration 0.34 ms against 0.44 ms
 * with Node's default of 16 MB).
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/** Start the Helppo server (demo mode, no browser app) on a database; resolves when it listens. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const entry = fileURLToPath(new URL('../server.ts', import.meta.url));
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server.
  const nodeArgs = [
    ...SERVER_NODE_FLAGS,
    ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      HELPPO_MODE: 'demo',
      DEMO_IDP: 'false',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the server exited');
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error('the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    base,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** The bare Fastify hello-world (the HTTP baseline of the benches), on a free port. */
export async function startHelloServer() {
  const port = await freePort();
  const hello = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./hello-server.ts', import.meta.url))],
    { env: { ...process.env, PORT: String(port) }, stdio: 'inherit' },
  );
  const url = `http://127.0.0.1:${port}/hello`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { url, stop: () => void hello.kill('SIGTERM') };
}

export interface Sample {
  status: number;
  ms: number;
}

export interface LoadRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * A load generator: `connections` keep-alive sockets to one server (every bench sends to one),
 * kept open between runs the way a browser keeps its connection while a page is open.
 * undici's pool costs the shared CPUs far less per request than node:http, so more of the
 * machine is left to the server being measured.
 */
export function loadClient(origin: string, connections: number) {
  const pool = new Pool(origin, {
    connections,
    pipelining: 1,
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  });
  return {
    /** Send the requests, `connections` at a time; the status and latency of each. */
    async run(requests: LoadRequest[]): Promise<{ samples: Sample[]; seconds: number }> {
      const samples: Sample[] = new Array(requests.length);
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < requests.length) {
          const i = next++;
          const r = requests[i]!;
          const url = new URL(r.url);
          const t0 = performance.now();
          let status = 0;
          try {
            const response = await pool.request({
              method: r.method as Dispatcher.HttpMethod,
              path: url.pathname + url.search,
              headers: r.headers,
              body: r.body,
            });
            status = response.statusCode;
            await response.body.dump();
          } catch {
            status = 0;
          }
          samples[i] = { status, ms: performance.now() - t0 };
        }
      };
      await Promise.all(Array.from({ length: Math.min(connections, requests.length) }, worker));
      return { samples, seconds: (performance.now() - started) / 1000 };
    },
    close: () => pool.close(),
  };
}

/** Send requests over `connections` new keep-alive sockets; the status and latency of each. */
export async function load(
  requests: LoadRequest[],
  connections: number,
): Promise<{ samples: Sample[]; seconds: number }> {
  if (requests.length === 0) return { samples: [], seconds: 0 };
  const client = loadClient(new URL(requests[0]!.url).origin, connections);
  try {
    return await client.run(requests);
  } finally {
    await client.close();
  }
}

/**
 * CPU time (ms) used so far by the server, this process (the load) and the PostgreSQL
 * processes on this machine, from /proc (Linux; null elsewhere). Two readings around a run
 * tell where the machine's cores went.
 */
export async function cpuTimes(serverPid: number) {
  const { readFile, readdir } = await import('node:fs/promises');
  const tick = 10; // ms per clock tick (USER_HZ 100 on Linux)
  const of = async (pid: number | string) => {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return {
        name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
        ms: (Number(fields[11]) + Number(fields[12])) * tick,
      };
    } catch {
      return null;
    }
  };
  const server = await of(serverPid);
  if (!server) return null;
  let postgres = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^[0-9]+$/.test(pid)) continue;
    const p = await of(pid);
    if (p?.name === 'postgres') postgres += p.ms;
  }
  return { server: server.ms, load: (await of(process.pid))?.ms ?? 0, postgres };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Transactions per second of a pgbench script on the database (pgbench ships with PostgreSQL). */
export async function pgbench(
  databaseUrl: string,
  script: string,
  clients: number,
  seconds: number,
  defines: Record<string, string> = {},
) {
  const { writeFile, mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'helppo-pgbench-'));
  const file = join(dir, 'script.sql');
  await writeFile(file, script);
  const { stdout } = await promisify(execFile)(
    'pgbench',
    [
      '-n',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      ...Object.entries(defines).flatMap(([name, value]) => ['-D', `${name}=${value}`]),
      '-f',
      file,
      databaseUrl,
    ],
    { maxBuffer: 10 * 1024 * 1024 },
  );
  const match = /tps = ([0-9.]+)/.exec(stdout);
  if (!match) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(match[1]);
}
