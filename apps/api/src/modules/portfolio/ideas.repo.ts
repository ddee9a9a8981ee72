import { sql, type ExpressionBuilder, type Nullable } from 'kysely';
import { containsPattern, type Tx } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Decision, EventKind } from './portfolio.tables.js';
import type { IdeaQuery } from './portfolio.schema.js';
import { localDate } from '../../platform/i18n/time.js';
import { DUE_SOON_DAYS, addDays, type TimeboxState } from './timebox.js';

/** SQL of the ideas and what hangs off them. Counts are always count(*) of the rows. */

type IdeaEb = ExpressionBuilder<DB & { i: DB['portfolio_ideas'] }, 'i'>;

const supportCount = (eb: IdeaEb) =>
  eb
    .selectFrom('portfolio_supports as s')
    .select(sql<number>`count(*)::int`.as('n'))
    .whereRef('s.idea_id', '=', 'i.id');

const commentCount = (eb: IdeaEb) =>
  eb
    .selectFrom('portfolio_comments as c')
    .select(sql<number>`count(*)::int`.as('n'))
    .whereRef('c.idea_id', '=', 'i.id')
    .where('c.hidden_at', 'is', null);

function summaryQuery(tx: Tx) {
  return tx
    .selectFrom('portfolio_ideas as i')
    .select((eb) => [
      'i.id',
      'i.title',
      'i.problem',
      'i.proposal',
      'i.stage',
      'i.themes',
      'i.departments',
      'i.target_groups',
      'i.submitted_as',
      'i.submitted_by',
      'i.owner_id',
      'i.timebox_days',
      'i.goal',
      'i.results',
      'i.hidden_at',
      'i.hidden_reason',
      'i.merged_into',
      'i.created_at',
      'i.stage_changed_at',
      supportCount(eb).as('support_count'),
      commentCount(eb).as('comment_count'),
    ]);
}

export type IdeaRow = NonNullable<Awaited<ReturnType<typeof findIdea>>>;

/** Where the experiment clock of an idea (`e` joined to `i`) is: the SQL of `timeboxStates`. */
function timeboxCondition(state: TimeboxState, now: Date) {
  const today = localDate(now);
  return (eb: ListEb) => {
    const running = eb('i.stage', '=', 'experiment');
    switch (state) {
      case 'running':
        return eb.and([running, eb('e.due_date', '>=', today)]);
      case 'dueSoon':
        return eb.and([
          running,
          eb('e.due_date', '>=', today),
          eb('e.due_date', '<=', addDays(today, DUE_SOON_DAYS)),
        ]);
      case 'overdue':
        return eb.and([running, eb('e.due_date', '<', today)]);
      case 'undeclared':
        return eb.and([running, eb('e.declared_at', 'is', null), eb('e.declare_by', '<', now)]);
      case 'finished':
        return eb.and([eb('e.idea_id', 'is not', null), eb('i.stage', '<>', 'experiment')]);
    }
  };
}

function listQuery(tx: Tx) {
  return summaryQuery(tx)
    .leftJoin('portfolio_experiments as e', 'e.idea_id', 'i.id')
    .leftJoin('people as o', 'o.id', 'i.owner_id')
    .select([
      'o.name as owner_name',
      'e.timebox_days as clock_timebox_days',
      sql<string | null>`e.due_date::text`.as('clock_due_date'),
      'e.declare_by as clock_declare_by',
      'e.declared_at as clock_declared_at',
    ]);
}
type ListEb = ExpressionBuilder<
  DB & {
    i: DB['portfolio_ideas'];
    e: Nullable<DB['portfolio_experiments']>;
    o: Nullable<DB['people']>;
  },
  'i' | 'e' | 'o'
>;

export type IdeaListRow = Awaited<ReturnType<typeof listIdeas>>[number];

export async function listIdeas(tx: Tx, query: IdeaQuery, includeHidden: boolean, now: Date) {
  let q = listQuery(tx).where('i.merged_into', 'is', null);
  if (!includeHidden) q = q.where('i.hidden_at', 'is', null);
  if (query.stage) q = q.where('i.stage', '=', query.stage);
  if (query.theme) q = q.where(sql<boolean>`${query.theme} = any(i.themes)`);
  if (query.department) q = q.where(sql<boolean>`${query.department} = any(i.departments)`);
  if (query.owner) q = q.where('i.owner_id', '=', query.owner);
  if (query.timeboxState) q = q.where(timeboxCondition(query.timeboxState, now));
  if (query.q) {
    const pattern = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('i.title', 'ilike', pattern),
        eb('i.problem', 'ilike', pattern),
        eb('i.proposal', 'ilike', pattern),
      ]),
    );
  }
  q =
    query.sort === 'supports'
      ? q.orderBy('support_count', 'desc').orderBy('i.created_at', 'desc')
      : q.orderBy('i.created_at', 'desc');
  return q.orderBy('i.id').limit(500).execute();
}

/**
 * What the list can be filtered by, over every idea the reader may list: the themes and
 * departments in use and the owners of ideas (staff already shown on the idea pages).
 */
export async function listFacets(tx: Tx, includeHidden: boolean) {
  const visible = (column: 'themes' | 'departments') =>
    tx
      .selectFrom('portfolio_ideas as i')
      .select(sql<string>`unnest(i.${sql.ref(column)})`.as('tag'))
      .where('i.merged_into', 'is', null)
      .$if(!includeHidden, (b) => b.where('i.hidden_at', 'is', null))
      .distinct()
      .execute();
  const [themes, departments, owners] = await Promise.all([
    visible('themes'),
    visible('departments'),
    tx
      .selectFrom('portfolio_ideas as i')
      .innerJoin('people as o', 'o.id', 'i.owner_id')
      .select(['o.id', 'o.name'])
      .where('i.merged_into', 'is', null)
      .$if(!includeHidden, (b) => b.where('i.hidden_at', 'is', null))
      .distinct()
      .execute(),
  ]);
  const sorted = (rows: { tag: string }[]) =>
    rows.map((r) => r.tag).sort((a, b) => a.localeCompare(b, 'fi'));
  return {
    themes: sorted(themes),
    departments: sorted(departments),
    owners: owners.sort((a, b) => a.name.localeCompare(b.name, 'fi')),
  };
}

export async function findIdea(tx: Tx, ideaId: string, lock = false) {
  let q = summaryQuery(tx).where('i.id', '=', ideaId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function personName(tx: Tx, personId: string | null) {
  if (!personId) return null;
  const row = await tx
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', '=', personId)
    .executeTakeFirst();
  return row ?? null;
}

/** Whether the person holds a role in the current municipality (role_grants is tenant-scoped). */
export async function isMember(tx: Tx, personId: string) {
  const row = await tx
    .selectFrom('role_grants')
    .select('person_id')
    .where('person_id', '=', personId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function comments(tx: Tx, ideaId: string) {
  return tx
    .selectFrom('portfolio_comments as c')
    .innerJoin('people as p', 'p.id', 'c.author_id')
    .select(['c.id', 'p.name as author', 'c.body', 'c.hidden_at', 'c.created_at'])
    .where('c.idea_id', '=', ideaId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function history(tx: Tx, ideaId: string) {
  return tx
    .selectFrom('portfolio_events')
    .selectAll()
    .where('idea_id', '=', ideaId)
    .orderBy('id')
    .execute();
}

export interface EventInput {
  municipalityId: string;
  ideaId: string;
  kind: EventKind;
  actorId: string | null;
  fromStage?: string | null;
  toStage?: string | null;
  reason?: string;
  roundId?: string | null;
  decision?: Decision | null;
  otherIdeaId?: string | null;
}

export async function addEvents(tx: Tx, events: EventInput[]) {
  if (events.length === 0) return;
  await tx
    .insertInto('portfolio_events')
    .values(
      events.map((e) => ({
        municipality_id: e.municipalityId,
        idea_id: e.ideaId,
        kind: e.kind,
        actor_id: e.actorId,
        from_stage: e.fromStage ?? null,
        to_stage: e.toStage ?? null,
        reason: e.reason ?? '',
        round_id: e.roundId ?? null,
        decision: e.decision ?? null,
        other_idea_id: e.otherIdeaId ?? null,
      })),
    )
    .execute();
}

export async function hasLink(
  tx: Tx,
  table: 'portfolio_supports' | 'portfolio_followers',
  ideaId: string,
  personId: string,
) {
  const row = await tx
    .selectFrom(table)
    .select('person_id')
    .where('idea_id', '=', ideaId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Add a support or a follow; a second one of the same person is no change (the key holds). */
export async function addLink(
  tx: Tx,
  table: 'portfolio_supports' | 'portfolio_followers',
  municipalityId: string,
  ideaId: string,
  personId: string,
) {
  await tx
    .insertInto(table)
    .values({ municipality_id: municipalityId, idea_id: ideaId, person_id: personId })
    .onConflict((oc) => oc.columns(['idea_id', 'person_id']).doNothing())
    .execute();
}

export async function removeLink(
  tx: Tx,
  table: 'portfolio_supports' | 'portfolio_followers',
  ideaId: string,
  personId: string,
) {
  await tx
    .deleteFrom(table)
    .where('idea_id', '=', ideaId)
    .where('person_id', '=', personId)
    .execute();
}

export async function followers(tx: Tx, ideaId: string) {
  return tx
    .selectFrom('portfolio_followers as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .select(['p.id', 'p.email', 'p.language'])
    .where('f.idea_id', '=', ideaId)
    .execute();
}
