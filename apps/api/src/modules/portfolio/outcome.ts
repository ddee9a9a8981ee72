import { inTenant } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import * as repo from './experiments.repo.js';
import { findIdea } from './ideas.repo.js';
import { canModerate } from './ideas.js';
import { toView } from './experiments.js';
import { writeStoryPost } from './journal.js';
import { moveToStage } from './stage-change.js';
import type { ExperimentOutcome } from './portfolio.tables.js';
import { clock } from './timebox.js';

/**
 * The end of an experiment: its outcome, what was learned, and the public story. Adopted and
 * "changed and continued" both carry on as a service, so both enter the adopted stage (which
 * needs measured results); stopped enters the stopped stage. The move goes through
 * moveToStage, so the stage's required fields, the history and the followers' notice are the
 * same as for any stage change.
 */
export const OUTCOME_STAGE: Record<ExperimentOutcome, string> = {
  adopted: 'adopted',
  changed: 'adopted',
  stopped: 'stopped',
};

/** The stages an experiment can be finished from: while it runs, or while it is evaluated. */
const FINISHABLE = ['experiment', 'evaluation'];

export interface FinishInput {
  outcome: ExperimentOutcome;
  lessons: string;
  summary?: string;
  /** Written results, for an experiment without metrics entering the adopted stage. */
  results?: string;
}

export async function finishExperiment(ctx: Ctx, ideaId: string, input: FinishInput) {
  requireUser(ctx);
  const actor = ctx.actor;
  const lessons = input.lessons.trim();
  const summary = (input.summary ?? '').trim();
  if (!lessons) throw new AppError(422, 'portfolioLessonsEmpty');
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.findExperiment(tx, ideaId, true);
    if (!row || (row.hidden_at && !canModerate(ctx))) throw notFound();
    if (row.owner_id !== actor.personId && !canModerate(ctx)) throw forbidden();
    if (row.finished_at) throw new AppError(409, 'portfolioAlreadyFinished');
    if (!FINISHABLE.includes(row.stage)) throw new AppError(409, 'portfolioNotFinishable');
    const idea = (await findIdea(tx, ideaId))!;
    if (idea.merged_into) throw new AppError(409, 'portfolioIdeaMerged');
    const now = clock.now();
    await tx
      .updateTable('portfolio_experiments')
      .set({
        outcome: input.outcome,
        lessons,
        outcome_summary: summary,
        finished_at: now,
        finished_by: actor.personId,
      })
      .where('idea_id', '=', ideaId)
      .execute();
    // A 422 here (results missing) rolls the whole finish back.
    await moveToStage(tx, ctx, {
      ideaId,
      title: idea.title,
      fromStage: idea.stage,
      toStage: OUTCOME_STAGE[input.outcome],
      reason: summary || lessons,
      fields: {
        owner_id: idea.owner_id,
        timebox_days: idea.timebox_days,
        goal: idea.goal,
        results: input.results?.trim() || idea.results,
      },
    });
    const postId = await writeStoryPost(tx, ctx, ideaId, {
      kind: input.outcome === 'stopped' ? 'post' : 'celebration',
      body: [summary, lessons].filter(Boolean).join('\n\n'),
      at: now,
    });
    await audit(tx, ctx, 'portfolio.experiment.finish', `idea:${ideaId}`, {
      outcome: input.outcome,
      postId,
    });
    return toView(tx, (await repo.findExperiment(tx, ideaId))!);
  });
}
