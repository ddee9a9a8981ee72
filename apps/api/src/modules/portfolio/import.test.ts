import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { grantRole, ideaOf } from './test-support.js';

/** Import of the team's spreadsheet (preview, all or nothing) and export (CSV, XLSX). */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let team: Client;
let admin: Client;

beforeAll(async () => {
  rt = await startRuntime();
  team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
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

describe('preview', () => {
  it('proposes the mapping from Finnish headers and explains every bad row', async () => {
    const text = [
      header,
      'Tuonti A hyvä;Ongelma;Ehdotus;testi;Aihio;;;',
      ';Ei otsikkoa;Ehdotus;;Aihio;;;',
      'Tuonti A vaihe;O;E;;Lennossa;;;',
      'Tuonti A omistaja;O;E;;Aihio;ei.ole@example.invalid;;',
      'Tuonti A kokeilu;O;E;;Kokeilu;;;',
      'Tuonti A hyvä;O;E;;Aihio;;;',
      `${'x'.repeat(201)};O;E;;;;;`,
      'Tuonti A aika;O;E;;Kokeilu;digiryhma@tyrskyla.example;30;31.2.2026',
    ].join('\n');
    const response = await team.post('portfolio/import/preview', csvFile(text));
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as Preview;
    expect(preview.mapping).toEqual([
      'title',
      'problem',
      'proposal',
      'themes',
      'stage',
      'owner',
      'timeboxDays',
      'decisionDate',
    ]);
    expect(preview.rowCount).toBe(8);
    const codes = Object.fromEntries(
      preview.rows.map((r) => [r.line, r.errors.map((e) => `${e.field}:${e.code}`)]),
    );
    expect(codes).toEqual({
      2: [],
      3: ['title:titleMissing'],
      4: ['stage:unknownStage'],
      5: ['owner:ownerUnknown'],
      6: ['stage:stageRequires'],
      7: ['title:duplicateInFile'],
      8: ['title:tooLong'],
      9: ['timeboxDays:timeboxInvalid', 'decisionDate:dateInvalid', 'stage:stageRequires'],
    });
    expect(preview.errorRowCount).toBe(7);
    const messages = preview.rows.flatMap((r) => r.errors.map((e) => e.message));
    expect(messages).toContain('Tuntematon vaihe "Lennossa".');
    expect(messages).toContain('Sama otsikko on jo rivillä 2.');
    expect(messages).toContain(
      'Vaihe "Kokeilu" vaatii: vastuuhenkilö, aikaraja (21 tai 105 päivää).',
    );
    expect(await ideaCount('Tuonti A')).toBe(0);
  });

  it('reads comma CSV without BOM, a changed mapping, and answers in Swedish', async () => {
    const text = 'Name,Notes,Proposal\nTuonti B,ab,två\n';
    // A Swedish-speaking member of the team: the messages follow the person's language.
    await grantRole(rt.db, 'aallokko@tyrskyla.example', 'digital_team');
    const sv = await loggedIn(rt.app, 'aallokko@tyrskyla.example');
    const proposed = (await sv.post('portfolio/import/preview', csvFile(text))).json() as Preview;
    expect(proposed.mapping).toEqual(['title', null, 'proposal']);
    const mapped = await sv.post('portfolio/import/preview', {
      ...csvFile(text),
      mapping: [null, 'title', 'proposal'],
    });
    const rows = (mapped.json() as Preview).rows;
    expect(rows[0]!.errors.map((e) => e.message)).toEqual(['Rubriken måste ha minst 3 tecken.']);
    const twice = await sv.post('portfolio/import/preview', {
      ...csvFile(text),
      mapping: ['title', 'title', null],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().title).toBe('Samma fält har valts två gånger');
  });

  it('refuses files it cannot read with a translated 4xx', async () => {
    const latin1 = Buffer.from('Otsikko;Ongelma\nP\xe4iv\xe4koti;x\n', 'latin1');
    const bad = await team.post('portfolio/import/preview', {
      fileName: 'a.csv',
      dataBase64: b64(latin1),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('portfolioImportEncoding');
    const empty = await team.post('portfolio/import/preview', csvFile('\n\n'));
    expect(empty.json().code).toBe('portfolioImportEmpty');
    const rows = [header, ...Array.from({ length: 2001 }, (_, i) => `R ${i};o;e;;;;;`)];
    const many = await team.post('portfolio/import/preview', csvFile(rows.join('\n')));
    expect(many.json().code).toBe('portfolioImportTooManyRows');
    const notXlsx = await team.post('portfolio/import/preview', {
      fileName: 'a.xlsx',
      dataBase64: b64(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
    });
    expect(notXlsx.json().code).toBe('portfolioImportFormat');
  });
});

describe('commit', () => {
  it('a file with one bad row writes nothing and answers with the same row errors', async () => {
    const text = [header, 'Tuonti C yksi;O;E;;Aihio;;;', 'Tuonti C kaksi;O;E;;Kokeilu;;;'].join(
      '\n',
    );
    const response = await team.post('portfolio/import', csvFile(text));
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('portfolioImportRefused');
    expect(body.title).toBe('Mitään ei tuotu');
    expect(body.errors).toEqual([
      {
        field: 'rows.3.stage',
        message: 'Vaihe "Kokeilu" vaatii: vastuuhenkilö, aikaraja (21 tai 105 päivää).',
      },
    ]);
    expect(await ideaCount('Tuonti C')).toBe(0);
  });

  it('the sample file imports whole: stages, owner, clocks, history and audit', async () => {
    const sample = readFileSync(new URL('./fixtures/portfolio-import-sample.csv', import.meta.url));
    const file = { fileName: 'portfolio-import-sample.csv', dataBase64: b64(sample) };
    const preview = (await team.post('portfolio/import/preview', file)).json() as Preview;
    expect(preview.errorRowCount).toBe(0);
    expect(preview.rows.map((r) => r.title)).toEqual([
      'Kirjaston lainat tekstiviestillä',
      'Koulukuljetusten reaaliaikainen kartta',
      'Uimahallin jonotilanne "nyt" verkkoon',
    ]);
    const response = await team.post('portfolio/import', file);
    expect(response.statusCode, response.body).toBe(201);
    const { imported, ideaIds } = response.json() as { imported: number; ideaIds: string[] };
    expect(imported).toBe(3);
    const bus = await ideaOf(team, ideaIds[1]!);
    expect(bus.stage).toBe('experiment');
    expect(bus.owner?.id).toBeDefined();
    expect(bus.timeboxDays).toBe(21);
    expect((bus as unknown as { departments: string[] }).departments).toEqual([
      'Sivistys',
      'Tekniikka',
    ]);
    expect(bus.history.map((h) => h.kind)).toEqual(['imported']);
    const clocks = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('portfolio_experiments')
        .select((eb) => eb.cast<string>('due_date', 'text').as('due'))
        .where('idea_id', '=', ideaIds[1]!)
        .executeTakeFirstOrThrow(),
    );
    expect(clocks.due).toBe('2026-03-23');
    const audits = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', 'portfolio.import')
        .execute(),
    );
    expect(audits.map((a) => (a.details as { rows: number }).rows)).toContain(3);
    // The same file again: every row is now a duplicate of an existing idea.
    const again = await team.post('portfolio/import', file);
    expect(again.statusCode).toBe(422);
    expect(again.json().errors).toHaveLength(3);
  });

  it('XLSX imports too, with Excel date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ideat');
    sheet.addRow([
      'Title',
      'Problem',
      'Proposal',
      'Stage',
      'Owner email',
      'Timebox',
      'Decision date',
    ]);
    sheet.addRow([
      'Tuonti D taulukko',
      'P',
      'E',
      'Experiment',
      'digiryhma@tyrskyla.example',
      105,
      new Date(Date.UTC(2026, 0, 15)),
    ]);
    sheet.addRow([
      'Tuonti D toinen',
      { richText: [{ text: 'Rikas ' }, { text: 'teksti' }] },
      'E',
      'idea',
      '',
      '',
      '',
    ]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = { fileName: 'ideat.xlsx', dataBase64: data.toString('base64') };
    const preview = (await admin.post('portfolio/import/preview', file)).json() as Preview;
    expect(preview.mapping).toEqual([
      'title',
      'problem',
      'proposal',
      'stage',
      'owner',
      'timeboxDays',
      'decisionDate',
    ]);
    expect(preview.errorRowCount).toBe(0);
    const response = await admin.post('portfolio/import', file);
    expect(response.statusCode, response.body).toBe(201);
    const second = await ideaOf(admin, response.json().ideaIds[1]);
    expect(second.problem).toBe('Rikas teksti');
  });
});
