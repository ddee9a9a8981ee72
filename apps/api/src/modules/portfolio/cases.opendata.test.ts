import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { CaseOpenDataSchema } from './cases.schema.js';
import { CSV_COLUMNS } from './cases.opendata.js';

/** Open data: the JSON against its documented schema, the CSV's columns, a valid Atom feed. */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let anonymous: Client;

beforeAll(async () => {
  rt = await startRuntime();
  anonymous = new Client(rt.app);
});
afterAll(() => rt.dispose());

describe('open data', () => {
  it('gives every published case as JSON that matches the CaseOpenData schema', async () => {
    const response = await anonymous.get('/api/cases.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const { items } = response.json() as { items: Record<string, unknown>[] };
    expect(items).toHaveLength(3);
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile({ ...CaseOpenDataSchema, additionalProperties: false });
    for (const item of items) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    const sauna = items.find((i) => i.title === 'Rantasaunan omatoimivaraus PIN-koodilla')!;
    expect(sauna).toMatchObject({
      municipality: 'tyrskyla',
      municipality_population: 14800,
      municipality_size: 'medium',
      outcome: 'adopted',
      cost_cents: 120000,
      duration_days: 21,
    });
    expect(sauna.url).toBe(`http://localhost:3000/cases/${sauna.id as string}`);
    const photos = sauna.photos as string[];
    expect(photos).toHaveLength(1);
    const photo = await anonymous.get(new URL(photos[0]!).pathname);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    // The OpenAPI documents the same schema.
    const openapi = (await anonymous.get('/docs/json')).json();
    expect(openapi.components.schemas.CaseOpenData.properties.municipality_size).toBeDefined();
  });

  it('gives the same records as CSV', async () => {
    const response = await anonymous.get('/api/cases.csv');
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(';'));
    expect(lines).toHaveLength(4);
    const sauna = lines.find((line) => line.includes('Rantasaunan'))!;
    expect(sauna).toContain(';"tyrskyla";"Tyrskylä";14800;"medium";');
    expect(sauna).toContain(';21;120000;');
    expect(sauna).toContain('"liikunta ja vapaa-aika|omatoimitilat"');
  });

  it('publishes an Atom 1.0 feed of the newest cases', async () => {
    const response = await anonymous.get('/api/cases.atom');
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(response.body)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
      response.body,
    );
    const feed = parsed.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:localhost,2026:helppo:cases');
    expect(feed.title).toBeTruthy();
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    expect(feed.author.name).toBe('Helppo');
    const self = (feed.link as { '@rel': string; '@href': string }[]).find(
      (l) => l['@rel'] === 'self',
    );
    expect(self!['@href']).toBe('http://localhost:3000/api/cases.atom');
    expect(feed.entry).toHaveLength(3);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(entry.title).toBeTruthy();
      expect(entry.link['@href']).toMatch(/^http:\/\/localhost:3000\/cases\/[0-9a-f-]{36}$/);
      expect(entry.link['@rel']).toBe('alternate');
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
      expect(entry.author.name).toBe('Tyrskylä');
    }
    // Newest first: the digital support drop-in was published five days ago.
    expect(feed.entry[0].title).toBe('Digituen pop-up kirjastossa ikäihmisille');
    // The feed's updated is its newest entry's.
    const newest = Math.max(...feed.entry.map((e: { updated: string }) => Date.parse(e.updated)));
    expect(Date.parse(feed.updated)).toBe(newest);
  });

  it('escapes what a case says, so the feed stays well-formed', async () => {
    const team = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
    const created = await team.post('cases', {
      title: 'Kyselyt <b>& "palaute"</b>',
      problem: 'A < B & C > D',
      tried: 'x',
      durationDays: null,
      costCents: null,
      metrics: [],
      outcome: 'stopped',
      lessons: 'y',
      contactName: '',
      contactEmail: '',
      themes: ['a&b'],
    });
    await team.post(`cases/${created.json().id as string}/publish`);
    const body = (await anonymous.get('/api/cases.atom')).body;
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
      body,
    ).feed;
    expect(feed.entry[0].title).toBe('Kyselyt <b>& "palaute"</b>');
    expect(feed.entry[0].category['@term']).toBe('a&b');
    expect(body).toContain('<title>Kyselyt &lt;b&gt;&amp; &quot;palaute&quot;&lt;/b&gt;</title>');
  });
});
