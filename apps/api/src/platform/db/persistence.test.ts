import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../runtime.js';
import { isServer, loggedIn, testConfig } from '../../../test/helpers.js';

describe('persistence', () => {
  it.skipIf(isServer())(
    'keeps data in the PGlite directory across a restart',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'helppo-persist-'));
      try {
        const first = await createRuntime(testConfig({ PGLITE_DIR: dir }));
        const admin = await loggedIn(first.app, 'admin@tyrskyla.example');
        const settings = {
          name: { fi: 'Uusi Tyrskylä', sv: 'Nya Tyrskylä', en: 'New Tyrskylä' },
          contactEmail: 'info@tyrskyla.example',
          contactPhone: '+358 1',
          address: 'Torikatu 2',
          themeColor: '#123456',
        };
        expect((await admin.put('admin/settings', settings)).statusCode).toBe(200);
        await first.close();

        const second = await createRuntime(testConfig({ PGLITE_DIR: dir }));
        try {
          const municipality = await second.app.inject('/api/tyrskyla/municipality');
          expect(municipality.json()).toMatchObject(settings);
          // Demo data is seeded only into an empty database, not again on restart.
          const people = await (
            await loggedIn(second.app, 'admin@tyrskyla.example')
          ).get('admin/people');
          const emails = (people.json().items as { email: string }[]).map((p) => p.email);
          expect(new Set(emails).size).toBe(emails.length);
          // The session of the first run is still valid (sessions live in the database),
          // and so is its CSRF token (the cookie secret is kept in the database too).
          const sameBrowser = admin.withApp(second.app);
          expect((await sameBrowser.get('session')).json().user.name).toBe('Aino Ylläpitäjä');
          expect((await sameBrowser.put('admin/settings', settings)).statusCode).toBe(200);
        } finally {
          await second.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
