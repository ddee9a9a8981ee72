import type { Tx } from '../../platform/db/database.js';
import { DEFAULT_CRITERIA } from './config.js';
import { DEMO_DECISIONS } from './portfolio.demo-ideas.js';
import { DECISION_STAGE } from './stages.js';
import { addDays, startClocks } from './timebox.js';

const DAY = 24 * 60 * 60 * 1000;
export const daysAgo = (days: number, hour = 10) => {
  const at = new Date(Date.now() - days * DAY);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
};

/**
 * A demo round, closed with its minutes published. By default the round held ten days ago:
 * three experiments started (the walk was never declared, so its 24 hours have run out), one
 * idea waits, one was turned down.
 */
export async function seedRound(
  tx: Tx,
  municipality: string,
  digiryhma: string,
  ids: Map<string, string>,
  round: { title: string; heldDaysAgo: number; decisions: typeof DEMO_DECISIONS } = {
    title: 'Digiryhmän päätöskierros',
    heldDaysAgo: 10,
    decisions: DEMO_DECISIONS,
  },
) {
  const held = daysAgo(round.heldDaysAgo, 12);
  const { id: roundId } = await tx
    .insertInto('portfolio_rounds')
    .values({
      municipality_id: municipality,
      title: round.title,
      meeting_date: held.toISOString().slice(0, 10),
      created_by: digiryhma,
      created_at: daysAgo(round.heldDaysAgo + 4),
      closed_at: held,
      minutes_published_at: held,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const criteria = await tx
    .insertInto('portfolio_round_criteria')
    .values(
      DEFAULT_CRITERIA.map((c) => ({
        municipality_id: municipality,
        round_id: roundId,
        key: c.key,
        position: c.position,
        weight: c.weight,
        name_fi: c.name.fi,
        name_sv: c.name.sv,
        name_en: c.name.en,
      })),
    )
    .returning('id')
    .execute();
  for (const [position, d] of round.decisions.entries()) {
    const ideaId = ids.get(d.key)!;
    await tx
      .insertInto('portfolio_round_items')
      .values({
        municipality_id: municipality,
        round_id: roundId,
        idea_id: ideaId,
        position,
        decision: d.decision,
        reason: d.reason,
        timebox_days: d.timebox ?? null,
        decided_by: digiryhma,
        decided_at: held,
      })
      .execute();
    await tx
      .insertInto('portfolio_scores')
      .values(
        criteria.map((c, i) => ({
          municipality_id: municipality,
          round_id: roundId,
          idea_id: ideaId,
          criterion_id: c.id,
          person_id: digiryhma,
          score: d.scores[i]!,
        })),
      )
      .execute();
    if (d.decision === 'go' && d.timebox) {
      const { declareBy, dueDate } = startClocks(held, d.timebox);
      const declared = d.key !== 'walk';
      await tx
        .insertInto('portfolio_experiments')
        .values({
          municipality_id: municipality,
          idea_id: ideaId,
          timebox_days: d.timebox,
          decided_at: held,
          declare_by: declareBy,
          declared_at: declared ? new Date(held.getTime() + 3 * 3600_000) : null,
          declaration: declared ? d.reason : '',
          due_date: d.key === 'tablets' ? addDays(dueDate, 14) : dueDate,
          budget_granted_cents: d.timebox === 105 ? 1000000 : 50000,
        })
        .execute();
      if (d.key === 'tablets') {
        // The tablets arrived late: two more weeks, with the reason on record.
        await tx
          .insertInto('portfolio_extensions')
          .values({
            municipality_id: municipality,
            idea_id: ideaId,
            days: 14,
            reason: 'Tablettien toimitus viivästyi kaksi viikkoa.',
            extended_by: digiryhma,
            created_at: daysAgo(5),
          })
          .execute();
      }
    }
    const base = {
      municipality_id: municipality,
      idea_id: ideaId,
      round_id: roundId,
      actor_id: digiryhma,
      reason: d.reason,
      created_at: held,
    };
    await tx
      .insertInto('portfolio_events')
      .values([
        { ...base, kind: 'decision', decision: d.decision },
        { ...base, kind: 'stage', from_stage: 'screening', to_stage: DECISION_STAGE[d.decision] },
      ])
      .execute();
  }
}
