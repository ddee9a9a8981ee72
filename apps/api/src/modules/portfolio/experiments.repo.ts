import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import { startClocks } from './timebox.js';
import { scheduleReminders } from './reminders.js';

/** SQL of the experiments and their extensions. */

/** Start an idea's clocks when it first becomes an experiment; a later re-entry keeps them. */
export async function startExperiment(
  tx: Tx,
  municipalityId: string,
  ideaId: string,
  timeboxDays: number,
  decidedAt: Date,
) {
  const { declareBy, dueDate } = startClocks(decidedAt, timeboxDays);
  const started = await tx
    .insertInto('portfolio_experiments')
    .values({
      municipality_id: municipalityId,
      idea_id: ideaId,
      timebox_days: timeboxDays,
      decided_at: decidedAt,
      declare_by: declareBy,
      due_date: dueDate,
    })
    .onConflict((oc) => oc.column('idea_id').doNothing())
    .returning('idea_id')
    .executeTakeFirst();
  if (started) await scheduleReminders(tx, municipalityId, ideaId, { declareBy, dueDate });
}

function experimentQuery(tx: Tx) {
  return tx
    .selectFrom('portfolio_experiments as e')
    .innerJoin('portfolio_ideas as i', 'i.id', 'e.idea_id')
    .leftJoin('people as o', 'o.id', 'i.owner_id')
    .select([
      'e.idea_id',
      'i.title',
      'i.stage',
      'i.hidden_at',
      'i.owner_id',
      'o.name as owner_name',
      'e.timebox_days',
      'e.decided_at',
      'e.declare_by',
      'e.declared_at',
      'e.declaration',
      sql<string>`e.due_date::text`.as('due_date'),
      'e.budget_granted_cents',
      'e.budget_spent_cents',
      'e.outcome',
      'e.lessons',
      'e.outcome_summary',
      'e.finished_at',
    ]);
}

export type ExperimentRow = NonNullable<Awaited<ReturnType<typeof findExperiment>>>;

export async function findExperiment(tx: Tx, ideaId: string, lock = false) {
  let q = experimentQuery(tx).where('e.idea_id', '=', ideaId);
  if (lock) q = q.forUpdate('e');
  return q.executeTakeFirst();
}

/** Running experiments late on either clock at `now` (today: its Helsinki date). */
export async function overdueExperiments(tx: Tx, now: Date, today: string) {
  return experimentQuery(tx)
    .where('i.stage', '=', 'experiment')
    .where('i.merged_into', 'is', null)
    .where((eb) =>
      eb.or([
        eb('e.due_date', '<', today),
        eb.and([eb('e.declared_at', 'is', null), eb('e.declare_by', '<', now)]),
      ]),
    )
    .orderBy('e.due_date')
    .orderBy('e.declare_by')
    .execute();
}

export async function extensions(tx: Tx, ideaId: string) {
  return tx
    .selectFrom('portfolio_extensions as x')
    .innerJoin('people as p', 'p.id', 'x.extended_by')
    .select(['x.id', 'x.days', 'x.reason', 'p.name as by', 'x.created_at'])
    .where('x.idea_id', '=', ideaId)
    .orderBy('x.created_at')
    .execute();
}
