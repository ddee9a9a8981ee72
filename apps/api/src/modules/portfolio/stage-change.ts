import type { Tx } from '../../platform/db/database.js';
import type { AuthenticatedCtx } from '../../platform/http/context.js';
import { isLanguage, translate } from '../../platform/i18n/messages.js';
import { notifyPeople } from '../../platform/notifications/notifications.service.js';
import * as repo from './ideas.repo.js';
import type { Decision } from './portfolio.tables.js';
import { metricCounts } from './experiment-details.repo.js';
import {
  DECISION_STAGE,
  assertCanEnter,
  findStage,
  loadStages,
  type StageFields,
} from './stages.js';
import { startExperiment } from './experiments.repo.js';
import { clock } from './timebox.js';

export interface StageMove {
  ideaId: string;
  title: string;
  fromStage: string;
  toStage: string;
  reason: string;
  fields: StageFields;
  roundId?: string;
  decision?: Decision;
}

/**
 * Move an idea to a stage in the caller's transaction: the stage's required fields are
 * checked (a translated 422 lists what is missing, and the transaction writes nothing), the
 * move and the decision behind it go to the idea's history, and every follower but the one
 * who moved it is told, in their own language.
 */
export async function moveToStage(tx: Tx, ctx: AuthenticatedCtx, move: StageMove) {
  const stages = await loadStages(tx);
  const target = findStage(stages, move.toStage);
  // Measured results: with metrics, every metric has a result; without, the written results.
  const counted = target.requiredFields.includes('results')
    ? await metricCounts(tx, move.ideaId)
    : { total: 0, unmeasured: 0 };
  assertCanEnter(ctx.language, target, {
    ...move.fields,
    metricsUnmeasured: counted.total > 0 ? counted.unmeasured : undefined,
  });
  const changed = move.fromStage !== move.toStage;
  await tx
    .updateTable('portfolio_ideas')
    .set({
      stage: target.key,
      owner_id: move.fields.owner_id,
      timebox_days: move.fields.timebox_days,
      goal: move.fields.goal,
      results: move.fields.results,
      updated_at: new Date(),
      ...(changed ? { stage_changed_at: new Date() } : {}),
    })
    .where('id', '=', move.ideaId)
    .execute();
  const base = {
    municipalityId: ctx.municipality.id,
    ideaId: move.ideaId,
    actorId: ctx.actor.personId,
  };
  await repo.addEvents(tx, [
    ...(move.decision
      ? [
          {
            ...base,
            kind: 'decision' as const,
            decision: move.decision,
            roundId: move.roundId,
            reason: move.reason,
          },
        ]
      : []),
    ...(changed
      ? [
          {
            ...base,
            kind: 'stage' as const,
            fromStage: move.fromStage,
            toStage: target.key,
            reason: move.reason,
            roundId: move.roundId ?? null,
          },
        ]
      : []),
  ]);
  // Becoming an experiment starts its clocks (24 h to declare, then 21 or 105 days).
  if (changed && target.key === DECISION_STAGE.go && move.fields.timebox_days !== null) {
    await startExperiment(
      tx,
      ctx.municipality.id,
      move.ideaId,
      move.fields.timebox_days,
      clock.now(),
    );
  }
  if (changed) await tellFollowers(tx, ctx, move, target.name);
}

async function tellFollowers(
  tx: Tx,
  ctx: AuthenticatedCtx,
  move: StageMove,
  stageName: { fi: string; sv: string; en: string },
) {
  const people = (await repo.followers(tx, move.ideaId)).filter((p) => p.id !== ctx.actor.personId);
  if (people.length === 0) return;
  await notifyPeople(
    tx,
    { municipality: ctx.municipality, baseUrl: ctx.baseUrl },
    people.map((person) => {
      const language = isLanguage(person.language) ? person.language : 'fi';
      const params = { title: move.title, stage: stageName[language], reason: move.reason };
      return {
        person: { id: person.id, email: person.email, language },
        message: {
          title: translate(language, 'notification.portfolioStage', params),
          body: translate(
            language,
            move.reason ? 'notification.portfolioStage.reason' : 'notification.portfolioStage.body',
            params,
          ),
          link: `/${ctx.municipality.slug}/portfolio/ideas/${move.ideaId}`,
        },
      };
    }),
  );
}
