import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

/** SQL of the decision rounds. */

export async function listRounds(tx: Tx, publishedOnly: boolean) {
  let q = tx.selectFrom('portfolio_rounds as r').select((eb) => [
    'r.id',
    'r.title',
    sql<string>`r.meeting_date::text`.as('meeting_date'),
    'r.closed_at',
    'r.minutes_published_at',
    eb
      .selectFrom('portfolio_round_items as ri')
      .select(sql<number>`count(*)::int`.as('n'))
      .whereRef('ri.round_id', '=', 'r.id')
      .as('item_count'),
    eb
      .selectFrom('portfolio_round_items as ri')
      .select(sql<number>`count(*)::int`.as('n'))
      .whereRef('ri.round_id', '=', 'r.id')
      .where('ri.decision', 'is not', null)
      .as('decided_count'),
  ]);
  if (publishedOnly) q = q.where('r.minutes_published_at', 'is not', null);
  return q.orderBy('r.meeting_date', 'desc').orderBy('r.created_at', 'desc').limit(200).execute();
}

export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];

export async function findRound(tx: Tx, roundId: string, lock = false) {
  let q = tx
    .selectFrom('portfolio_rounds')
    .select([
      'id',
      'title',
      sql<string>`meeting_date::text`.as('meeting_date'),
      'closed_at',
      'minutes_published_at',
    ])
    .where('id', '=', roundId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function roundCriteria(tx: Tx, roundId: string) {
  return tx
    .selectFrom('portfolio_round_criteria')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('position')
    .execute();
}

export async function roundItems(tx: Tx, roundId: string) {
  return tx
    .selectFrom('portfolio_round_items as ri')
    .innerJoin('portfolio_ideas as i', 'i.id', 'ri.idea_id')
    .select([
      'ri.idea_id',
      'i.title',
      'i.stage',
      'ri.position',
      'ri.decision',
      'ri.reason',
      'ri.timebox_days',
      'ri.decided_at',
    ])
    .where('ri.round_id', '=', roundId)
    .orderBy('ri.position')
    .execute();
}

/** The average score of each idea on each criterion, and how many members scored each idea. */
export async function scoreAverages(tx: Tx, roundId: string) {
  const averages = await tx
    .selectFrom('portfolio_scores')
    .select(['idea_id', 'criterion_id', sql<string>`avg(score)::numeric(10,4)::text`.as('average')])
    .where('round_id', '=', roundId)
    .groupBy(['idea_id', 'criterion_id'])
    .execute();
  const scorers = await tx
    .selectFrom('portfolio_scores')
    .select(['idea_id', sql<number>`count(distinct person_id)::int`.as('n')])
    .where('round_id', '=', roundId)
    .groupBy('idea_id')
    .execute();
  return { averages, scorers };
}

export async function myScores(tx: Tx, roundId: string, personId: string) {
  return tx
    .selectFrom('portfolio_scores')
    .select(['idea_id', 'criterion_id', 'score'])
    .where('round_id', '=', roundId)
    .where('person_id', '=', personId)
    .execute();
}

export async function scorerNames(tx: Tx, roundId: string) {
  const rows = await tx
    .selectFrom('portfolio_scores as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select('p.name')
    .distinct()
    .where('s.round_id', '=', roundId)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => r.name);
}
