import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

/** Export (CSV, XLSX) and its round trip into the import; who may import and export, where. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let staff: Client;
let resident: Client;
let anonymous: Client;

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  anonymous = new Client(rt.app);
});
afterAll(() => rt.dispose());

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const csvFile = (text: string, fileName = 'salkku.csv') => ({ fileName, dataBase64: b64(text) });
const header = 'Otsikko;Ongelma;Ehdotus;Teemat;Vaihe;Vastuuhenkilö;Aikaraja;Päätöspäivä';

interface Preview {
  headers: string[];
  mapping: (string | null)[];
  rowCount: number;
  errorRowCount: number;
  rows: {
    line: number;
    title: string;
    errors: { field: string | null; code: string; message: string }[];
  }[];
}

async function ideaCount(title: string) {
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('portfolio_ideas').select('id').where('title', 'like', `${title}%`).execute(),
  );
  return rows.length;
}

describe('export and round trip', () => {
  it('CSV and XLSX exports carry the import columns; the export previews cleanly', async () => {
    const sample = readFileSync(new URL('./fixtures/portfolio-import-sample.csv', import.meta.url));
    const imported = await team.post('portfolio/import', {
      fileName: 's.csv',
      dataBase64: b64(sample),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const csv = await team.get('portfolio/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(
      csv.body.startsWith('\uFEFFotsikko;ongelma;ehdotus;kohderyhmät;toimialat;teemat;vaihe'),
    ).toBe(true);
    expect(csv.body).toContain('digiryhma@tyrskyla.example;21;');
    // The sample's bus map was decided 2.3.2026 for 21 days: due 23.3., its clock in words.
    const bus = csv.body.split('\r\n').find((l) => l.startsWith('Koulukuljetusten'))!;
    expect(bus).toMatch(/;2026-03-02;0;(myöhässä \d+ päivää|\d+ päivää jäljellä);2026-03-23$/);
    const preview = (
      await team.post('portfolio/import/preview', csvFile(csv.body))
    ).json() as Preview;
    expect(preview.mapping.slice(0, 12)).toEqual([
      'title',
      'problem',
      'proposal',
      'targetGroups',
      'departments',
      'themes',
      'stage',
      'owner',
      'timeboxDays',
      'goal',
      'results',
      'decisionDate',
    ]);
    expect(preview.mapping.slice(12)).toEqual([null, null, null]);
    expect(preview.rowCount).toBeGreaterThan(10);
    // Into the same portfolio every row is a duplicate, and only that.
    const codes = new Set(preview.rows.flatMap((r) => r.errors.map((e) => e.code)));
    expect([...codes]).toEqual(['duplicateExisting']);
    expect(preview.rows.every((r) => r.errors.length === 1)).toBe(true);

    const xlsx = await team.get('portfolio/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const back = (
      await team.post('portfolio/import/preview', {
        fileName: 'x.xlsx',
        dataBase64: xlsx.rawPayload.toString('base64'),
      })
    ).json() as Preview;
    expect(back.rowCount).toBe(preview.rowCount);
    expect(back.rows.map((r) => r.title)).toEqual(preview.rows.map((r) => r.title));
  });
});

describe('roles and tenants', () => {
  it('only the digital team and admin import or export', async () => {
    const file = csvFile(`${header}\nTuonti E;o;e;;;;;\n`);
    for (const client of [staff, resident]) {
      expect((await client.post('portfolio/import/preview', file)).statusCode).toBe(403);
      expect((await client.post('portfolio/import', file)).statusCode).toBe(403);
      expect((await client.get('portfolio/export?format=csv')).statusCode).toBe(403);
    }
    expect((await anonymous.post('portfolio/import', file)).statusCode).toBe(401);
    expect((await anonymous.get('portfolio/export?format=csv')).statusCode).toBe(401);
    expect(await ideaCount('Tuonti E')).toBe(0);
  });

  it("Pyhäranta's admin exports only Pyhäranta and cannot name Tyrskylä's people as owners", async () => {
    const other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    const csv = (await other.get('portfolio/export?format=csv')).body;
    expect(csv).not.toContain('Koulukuljetusten');
    const text = `${header}\nTuonti F;o;e;;Kokeilu;digiryhma@tyrskyla.example;21;\nKoulukuljetusten reaaliaikainen kartta;o;e;;;;;\n`;
    const preview = (await other.post('portfolio/import/preview', csvFile(text))).json() as Preview;
    expect(preview.rows[0]!.errors.map((e) => e.code)).toEqual(['ownerUnknown']);
    // Tyrskylä's titles are not duplicates in Pyhäranta.
    expect(preview.rows[1]!.errors).toEqual([]);
  });
});
