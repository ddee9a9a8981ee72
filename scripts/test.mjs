// The one test gate (`npm test`): static checks, the API tests on embedded PGlite and on a
// PostgreSQL server, and the browser tests in headless Chromium. Suites whose requirements
// are missing on this machine are skipped with a plain message; CI has them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const results = [];
const skipped = [];
const env = { ...process.env, TZ: 'Europe/Helsinki', FORCE_COLOR: process.env.CI ? '0' : '1' };
const reports = mkdtempSync(join(tmpdir(), 'helppo-test-'));

function run(title, cmd, args, options = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env, ...options });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} (${seconds} s) ===`);
  return result.status === 0;
}

/** Run a vitest project and count its tests from the JSON report. */
function vitest(title, cwd, extraEnv = {}) {
  const file = join(reports, `${title.replace(/\W+/g, '-')}.json`);
  const ok = run(
    title,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${file}`],
    {
      cwd,
      env: { ...env, ...extraEnv },
    },
  );
  let passed = 0;
  let failed = ok ? 0 : 1;
  let skippedCount = 0;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
    skippedCount = report.numPendingTests + report.numTodoTests;
  }
  results.push({ title, passed, failed, skipped: skippedCount });
}

async function postgresUrl() {
  const candidates = process.env.DATABASE_URL
    ? [process.env.DATABASE_URL]
    : ['postgres://postgres@127.0.0.1:5432/postgres'];
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return url;
    } catch {
      await client.end().catch(() => undefined);
    }
  }
  return null;
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

// 1. Format, lint, types and API client drift.
const checked = run('check: format, lint, types, API client', 'npm', ['run', 'check']);
results.push({ title: 'check', passed: checked ? 1 : 0, failed: checked ? 0 : 1, skipped: 0 });

// 2. API unit and integration tests on embedded PGlite.
vitest('api on PGlite', 'apps/api');

// 3. The same tests on a PostgreSQL server.
const serverUrl = await postgresUrl();
if (serverUrl) {
  vitest('api on PostgreSQL', 'apps/api', { TEST_DATABASE_URL: serverUrl });
} else {
  skipped.push('API tests on PostgreSQL: no server reachable (set DATABASE_URL)');
}

// 4. Browser tests on the built web app.
const chromium = chromiumPath();
if (chromium) {
  const built = run('build web', 'npm', ['run', 'build']);
  if (built) vitest('browser (Chromium)', 'e2e', { CHROMIUM_PATH: chromium });
  else results.push({ title: 'build web', passed: 0, failed: 1, skipped: 0 });
} else {
  skipped.push('browser tests: Chromium not found (apt-get install -y chromium)');
}

console.log('\n=== Summary ===');
for (const r of results)
  console.log(`${r.title}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
for (const s of skipped) console.log(`SKIPPED ${s}`);
const total = results.reduce(
  (sum, r) => ({
    passed: sum.passed + r.passed,
    failed: sum.failed + r.failed,
    skipped: sum.skipped + r.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
