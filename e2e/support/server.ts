import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Start Helppo as `npm start` does (demo mode, embedded PGlite in a fresh directory) on a
 * free port, and stop it after the browser tests.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const idpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'helppo-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    PGLITE_DIR: dataDir,
    HELPPO_MODE: 'demo',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    DEMO_IDP_PORT: String(idpPort),
  };
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn('npx', ['tsx', 'apps/api/src/server.ts'], {
    cwd: new URL('../../', import.meta.url).pathname,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('server did not start in 90 s');
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  project.provide('baseUrl', base);
  return async () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
