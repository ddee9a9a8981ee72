import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

/**
 * SQL of "the portfolio in numbers": counts per Helsinki year, each from the record of the
 * step (the idea's submission, the round's decision in the history, the experiment's start,
 * the move to adopted in the history), never from where an idea stands now. Ideas merged
 * into another (counted once, in the kept one) and hidden ones (moderated away) are left out.
 */

const year = (column: RawBuilder<unknown>) =>
  sql<number>`extract(year FROM ${column} AT TIME ZONE 'Europe/Helsinki')::int`;

export type FunnelStep = 'submitted' | 'decided' | 'started' | 'adopted';

export async function funnelCounts(tx: Tx) {
  const listed = (alias: string) =>
    sql`${sql.ref(`${alias}.merged_into`)} IS NULL AND ${sql.ref(`${alias}.hidden_at`)} IS NULL`;
  const result = await sql<{ step: FunnelStep; year: number; count: number }>`
    SELECT 'submitted' AS step, ${year(sql.ref('i.created_at'))} AS year,
           count(*)::int AS count
      FROM portfolio_ideas i WHERE ${listed('i')} GROUP BY 2
    UNION ALL
    SELECT 'decided', ${year(sql.ref('ev.created_at'))}, count(DISTINCT ev.idea_id)::int
      FROM portfolio_events ev JOIN portfolio_ideas i ON i.id = ev.idea_id
     WHERE ev.kind = 'decision' AND ev.round_id IS NOT NULL AND ${listed('i')} GROUP BY 2
    UNION ALL
    SELECT 'started', ${year(sql.ref('e.decided_at'))}, count(*)::int
      FROM portfolio_experiments e JOIN portfolio_ideas i ON i.id = e.idea_id
     WHERE ${listed('i')} GROUP BY 2
    UNION ALL
    SELECT 'adopted', ${year(sql.ref('ev.created_at'))}, count(DISTINCT ev.idea_id)::int
      FROM portfolio_events ev JOIN portfolio_ideas i ON i.id = ev.idea_id
     WHERE ev.kind = 'stage' AND ev.to_stage = 'adopted' AND ${listed('i')} GROUP BY 2
  `.execute(tx);
  return result.rows;
}

/**
 * Distinct experimenters per year of the experiments' decisions, counted as
 * `distinctExperimenters` counts one year: a staff member once, a free-text name once.
 */
export async function experimentersPerYear(tx: Tx) {
  const result = await sql<{ year: number; count: number }>`
    SELECT ${year(sql.ref('e.decided_at'))} AS year,
           count(DISTINCT coalesce(x.person_id::text, 'name:' || lower(btrim(x.name))))::int AS count
      FROM portfolio_experimenters x JOIN portfolio_experiments e ON e.idea_id = x.idea_id
     GROUP BY 1
  `.execute(tx);
  return result.rows;
}
