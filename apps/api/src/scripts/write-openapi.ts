import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.js';
import { buildApp } from '../app.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { NotificationHub } from '../platform/notifications/hub.js';

/**
 * Write the OpenAPI document the server publishes at /openapi.json to a file (default
 * apps/api/openapi.json), from which the web's API client types are generated.
 */
const target = process.argv[2] ?? fileURLToPath(new URL('../../openapi.json', import.meta.url));
const db = await openDatabase({});
await migrate(db);
const config = loadConfig({ HELPPO_MODE: 'demo' });
const app = await buildApp({ config, db, hub: new NotificationHub(db), oidc: null });
await app.ready();
writeFileSync(target, JSON.stringify(app.swagger(), null, 2) + '\n');
await app.close();
await db.close();
