import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

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

/** Start the Helppo server (demo mode, no browser app) on a database; resolves when it listens. */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const entry = fileURLToPath(new URL('../server.ts', import.meta.url));
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
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

/** Send requests over `connections` keep-alive sockets; returns status and latency of each. */
export async function load(
  requests: { method: string; url: string; headers: Record<string, string>; body?: string }[],
  connections: number,
): Promise<{ samples: Sample[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const samples: Sample[] = new Array(requests.length);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const r = requests[i]!;
      const t0 = performance.now();
      const status = await new Promise<number>((resolve) => {
        const req = http.request(r.url, { method: r.method, headers: r.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', () => resolve(0));
        req.setTimeout(60_000, () => req.destroy());
        if (r.body) req.write(r.body);
        req.end();
      });
      samples[i] = { status, ms: performance.now() - t0 };
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, requests.length) }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { samples, seconds };
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
