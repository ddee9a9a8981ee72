import { inTenant, type Database } from '../../platform/db/database.js';
import { csvText, toCsv } from '../../platform/http/csv.js';
import { findCases, type CaseRow } from './cases.repo.js';

/**
 * The case bank as open data: JSON records (schema CaseOpenData in the OpenAPI), CSV with
 * the same columns, and an Atom 1.0 feed of the newest cases. Read with no municipality, so
 * only published cases exist for these.
 */
const MAX_RECORDS = 1000;
const FEED_ENTRIES = 50;

const caseUrl = (baseUrl: string, id: string) => `${baseUrl}/cases/${id}`;
const photoUrl = (baseUrl: string, caseId: string, photoId: string) =>
  `${baseUrl}/api/cases/${caseId}/photos/${photoId}`;

async function published(db: Database, limit: number) {
  return inTenant(db, null, async (tx) => {
    const rows = await findCases(tx, { publishedOnly: true, sort: 'new', limit });
    const photos = await tx
      .selectFrom('portfolio_case_photos')
      .select(['id', 'case_id'])
      .where('case_id', 'in', rows.length ? rows.map((r) => r.id) : [''])
      .orderBy('position')
      .orderBy('created_at')
      .execute();
    return rows.map((row) => ({
      row,
      photoIds: photos.filter((p) => p.case_id === row.id).map((p) => p.id),
    }));
  });
}

function record(baseUrl: string, row: CaseRow, photoIds: string[]) {
  return {
    id: row.id,
    url: caseUrl(baseUrl, row.id),
    title: row.title,
    municipality: row.slug,
    municipality_name: row.name_fi,
    municipality_population: row.population,
    municipality_size: row.size_class,
    problem: row.problem,
    tried: row.tried,
    duration_days: row.duration_days,
    cost_cents: row.cost_cents,
    metrics: row.metrics,
    outcome: row.outcome!,
    lessons: row.lessons,
    contact_name: row.contact_name,
    contact_email: row.contact_email,
    themes: row.themes,
    supports: row.supports,
    copies: row.copies,
    photos: photoIds.map((photoId) => photoUrl(baseUrl, row.id, photoId)),
    published_at: row.published_at!.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export async function casesJson(db: Database, baseUrl: string) {
  const cases = await published(db, MAX_RECORDS);
  return { items: cases.map(({ row, photoIds }) => record(baseUrl, row, photoIds)) };
}

export const CSV_COLUMNS = [
  'id',
  'url',
  'title',
  'municipality',
  'municipality_name',
  'municipality_population',
  'municipality_size',
  'problem',
  'tried',
  'duration_days',
  'cost_cents',
  'metrics',
  'outcome',
  'lessons',
  'contact_name',
  'contact_email',
  'themes',
  'supports',
  'copies',
  'photos',
  'published_at',
  'updated_at',
] as const;

/** One row per case; lists are joined with "|", the metrics are their JSON text. */
export async function casesCsv(db: Database, baseUrl: string) {
  const { items } = await casesJson(db, baseUrl);
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) {
      return csvText(
        value.every((v) => typeof v === 'string') ? value.join('|') : JSON.stringify(value),
      );
    }
    return csvText(String(value));
  };
  return toCsv(
    [...CSV_COLUMNS],
    items.map((item) => CSV_COLUMNS.map((column) => cell(item[column]))),
  );
}

export const xml = (text: string) =>
  text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** Atom 1.0 (RFC 4287): entries are identified by urn:uuid: of the case, which never changes. */
export async function casesAtom(db: Database, baseUrl: string) {
  const cases = await published(db, FEED_ENTRIES);
  const updated = cases.reduce(
    (latest, { row }) => (row.updated_at > latest ? row.updated_at : latest),
    new Date(0),
  );
  const host = new URL(baseUrl).hostname;
  const entries = cases.map(({ row }) => {
    const summary = `${row.name_fi}: ${row.problem}`.slice(0, 1000);
    return [
      '  <entry>',
      `    <id>urn:uuid:${row.id}</id>`,
      `    <title>${xml(row.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(caseUrl(baseUrl, row.id))}"/>`,
      `    <published>${row.published_at!.toISOString()}</published>`,
      `    <updated>${row.updated_at.toISOString()}</updated>`,
      `    <author><name>${xml(row.name_fi)}</name></author>`,
      ...row.themes.map((theme) => `    <category term="${xml(theme)}"/>`),
      `    <summary>${xml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fi">',
    // A tag: URI (RFC 4151) of the installation's host: stable however the feed is fetched.
    `  <id>tag:${xml(host)},2026:helppo:cases</id>`,
    '  <title>Helppo – kokeilujen tapauspankki</title>',
    `  <updated>${(cases.length ? updated : new Date(0)).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(baseUrl)}/api/cases.atom"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl)}/cases"/>`,
    '  <author><name>Helppo</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
