import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

/** SQL of an experiment's team (experimenters) and metrics. */

export interface ExperimenterInput {
  personId: string | null;
  name: string;
  department: string;
}

export interface MetricInput {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  result: number | null;
}

export async function team(tx: Tx, ideaId: string) {
  return tx
    .selectFrom('portfolio_experimenters as x')
    .leftJoin('people as p', 'p.id', 'x.person_id')
    .select(['x.person_id', 'x.name', 'p.name as person_name', 'x.department'])
    .where('x.idea_id', '=', ideaId)
    .orderBy('x.position')
    .execute();
}

export async function metrics(tx: Tx, ideaId: string) {
  return tx
    .selectFrom('portfolio_metrics')
    .select(['name', 'unit', 'baseline', 'target', 'result'])
    .where('idea_id', '=', ideaId)
    .orderBy('position')
    .execute();
}

/** Replace the team and the metrics as a whole: the form sends the full lists. */
export async function replaceDetails(
  tx: Tx,
  municipalityId: string,
  ideaId: string,
  experimenters: ExperimenterInput[],
  metricList: MetricInput[],
) {
  await tx.deleteFrom('portfolio_experimenters').where('idea_id', '=', ideaId).execute();
  await tx.deleteFrom('portfolio_metrics').where('idea_id', '=', ideaId).execute();
  if (experimenters.length > 0) {
    await tx
      .insertInto('portfolio_experimenters')
      .values(
        experimenters.map((x, position) => ({
          municipality_id: municipalityId,
          idea_id: ideaId,
          position,
          person_id: x.personId,
          name: x.name,
          department: x.department,
        })),
      )
      .execute();
  }
  if (metricList.length > 0) {
    await tx
      .insertInto('portfolio_metrics')
      .values(
        metricList.map((m, position) => ({
          municipality_id: municipalityId,
          idea_id: ideaId,
          position,
          ...m,
        })),
      )
      .execute();
  }
}

/** How many of an idea's metrics there are and how many still lack a measured result. */
export async function metricCounts(tx: Tx, ideaId: string) {
  const row = await tx
    .selectFrom('portfolio_metrics')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) FILTER (WHERE result IS NULL)::int`.as('unmeasured'),
    ])
    .where('idea_id', '=', ideaId)
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * Distinct experimenters in the experiments decided in a Helsinki year: a staff member once
 * however many teams they are in, a free-text name once by its trimmed lower-case form.
 */
export async function distinctExperimenters(tx: Tx, year: number) {
  const row = await tx
    .selectFrom('portfolio_experimenters as x')
    .innerJoin('portfolio_experiments as e', 'e.idea_id', 'x.idea_id')
    .select(
      sql<number>`count(DISTINCT coalesce(x.person_id::text, 'name:' || lower(btrim(x.name))))::int`.as(
        'count',
      ),
    )
    .where(sql<number>`extract(year FROM e.decided_at AT TIME ZONE 'Europe/Helsinki')`, '=', year)
    .executeTakeFirstOrThrow();
  return row.count;
}
