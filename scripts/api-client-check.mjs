// Fails when the committed OpenAPI document or the web client types generated from it differ
// from what the API code produces now. Fix with: npm run api-client:generate
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'helppo-openapi-'));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
run('npx', ['tsx', 'apps/api/src/scripts/write-openapi.ts', join(dir, 'openapi.json')]);
run('npx', ['openapi-typescript', join(dir, 'openapi.json'), '-o', join(dir, 'schema.d.ts')]);
const pairs = [
  ['apps/api/openapi.json', join(dir, 'openapi.json')],
  ['apps/web/src/api/schema.d.ts', join(dir, 'schema.d.ts')],
];
let drift = false;
for (const [committed, fresh] of pairs) {
  let current = '';
  try {
    current = readFileSync(committed, 'utf8');
  } catch {
    current = '';
  }
  if (current !== readFileSync(fresh, 'utf8')) {
    console.error(
      `API client drift: ${committed} is out of date. Run: npm run api-client:generate`,
    );
    drift = true;
  }
}
if (drift) process.exit(1);
console.log('API client is in sync with the OpenAPI document.');
