import { sql, type Expression, type SqlBool } from 'kysely';
import { containsPattern, type Tx } from '../../platform/db/database.js';
import type { CaseMetric, CaseOutcome, CaseStatus } from './cases.tables.js';
import type { SizeClass } from './cases.schema.js';

/** SQL of the case bank. What a statement sees is decided by the tenant it runs in (RLS). */

export interface CaseFilter {
  q?: string;
  theme?: string;
  size?: SizeClass;
  outcome?: CaseOutcome;
  sort?: 'new' | 'top';
  limit?: number;
  offset?: number;
  /** Only this municipality's cases (the team's own list, drafts included). */
  municipalityId?: string;
  /** Only published cases (the public lists, even when the tenant could see drafts). */
  publishedOnly?: boolean;
  ids?: string[];
}

export interface CaseRow {
  id: string;
  municipality_id: string;
  idea_id: string | null;
  status: CaseStatus;
  title: string;
  problem: string;
  tried: string;
  duration_days: number | null;
  cost_cents: number | null;
  metrics: CaseMetric[];
  outcome: CaseOutcome | null;
  lessons: string;
  contact_name: string;
  contact_email: string;
  themes: string[];
  published_at: Date | null;
  updated_at: Date;
  slug: string;
  name_fi: string;
  name_sv: string;
  name_en: string;
  population: number | null;
  size_class: SizeClass | null;
  supports: number;
  copies: number;
  cover_photo_id: string | null;
}

const sizeClass = sql<SizeClass | null>`case
  when m.population is null then null
  when m.population < 5000 then 'small'
  when m.population < 20000 then 'medium'
  when m.population < 100000 then 'large'
  else 'city' end`;

export async function findCases(tx: Tx, filter: CaseFilter): Promise<CaseRow[]> {
  let query = tx
    .selectFrom('portfolio_cases as c')
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .selectAll('c')
    .select(['m.slug', 'm.name_fi', 'm.name_sv', 'm.name_en', 'm.population'])
    .select(sizeClass.as('size_class'))
    .select((eb) => [
      eb
        .selectFrom('portfolio_case_supports as s')
        .whereRef('s.case_id', '=', 'c.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('supports'),
      eb
        .selectFrom('portfolio_case_copies as k')
        .whereRef('k.case_id', '=', 'c.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('copies'),
      eb
        .selectFrom('portfolio_case_photos as p')
        .whereRef('p.case_id', '=', 'c.id')
        .select('p.id')
        .orderBy('p.position')
        .orderBy('p.created_at')
        .limit(1)
        .as('cover_photo_id'),
    ]);
  if (filter.publishedOnly) query = query.where('c.status', '=', 'published');
  if (filter.municipalityId) query = query.where('c.municipality_id', '=', filter.municipalityId);
  if (filter.ids) query = query.where('c.id', 'in', filter.ids.length ? filter.ids : ['']);
  if (filter.outcome) query = query.where('c.outcome', '=', filter.outcome);
  if (filter.theme) {
    const theme = filter.theme.toLowerCase();
    query = query.where(sql<SqlBool>`${theme} = any (select lower(t) from unnest(c.themes) t)`);
  }
  if (filter.size) query = query.where(sizeClass, '=', filter.size);
  if (filter.q?.trim()) {
    const pattern = containsPattern(filter.q.trim());
    query = query.where((eb) =>
      eb.or(
        (['c.title', 'c.problem', 'c.tried', 'c.lessons', 'm.name_fi'] as const).map((column) =>
          eb(column, 'ilike', pattern),
        ),
      ),
    );
  }
  query =
    filter.sort === 'top'
      ? query.orderBy(sql`supports`, 'desc').orderBy('c.published_at', 'desc')
      : query.orderBy(sql`coalesce(c.published_at, c.updated_at)`, 'desc');
  const rows = await query
    .orderBy('c.id')
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((row) => ({
    ...row,
    metrics: row.metrics as CaseMetric[],
    supports: Number(row.supports ?? 0),
    copies: Number(row.copies ?? 0),
    cover_photo_id: row.cover_photo_id ?? null,
  }));
}

export async function findCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  return (await findCases(tx, { ids: [id], limit: 1 }))[0];
}

export const casePhotos = (tx: Tx, caseIds: string[]) =>
  tx
    .selectFrom('portfolio_case_photos')
    .select(['id', 'case_id', 'alt_text', 'width', 'height'])
    .where('case_id', 'in', caseIds.length ? caseIds : [''])
    .orderBy('position')
    .orderBy('created_at')
    .execute();

export const hasSupport = async (tx: Tx, caseId: string, personId: string) =>
  Boolean(
    await tx
      .selectFrom('portfolio_case_supports')
      .select('person_id')
      .where('case_id', '=', caseId)
      .where('person_id', '=', personId)
      .executeTakeFirst(),
  );

export const copyOf = async (tx: Tx, caseId: string, municipalityId: string) =>
  (
    await tx
      .selectFrom('portfolio_case_copies')
      .select('idea_id')
      .where('case_id', '=', caseId)
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst()
  )?.idea_id ?? null;

/** A condition usable in other queries: the case is visible and published. */
export const isPublished = (id: Expression<string>) =>
  sql<SqlBool>`exists (select from portfolio_cases c where c.id = ${id} and c.status = 'published')`;
