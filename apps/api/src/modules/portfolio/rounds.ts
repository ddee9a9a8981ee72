import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import * as ideas from './ideas.repo.js';
import * as repo from './rounds.repo.js';
import { loadCriteria } from './config.js';
import { combinedScore } from './scoring.js';
import { DECISION_STAGE } from './stages.js';
import { moveToStage } from './stage-change.js';
import type { CreateRoundInput, DecisionInput, ScoreInput } from './rounds.schema.js';

/** Decision rounds: the agenda, the members' scores, the decisions and their minutes. */

const TEAM = ['digital_team', 'admin'] as const;

const summary = (r: repo.RoundRow) => ({
  id: r.id,
  title: r.title,
  meetingDate: r.meeting_date,
  itemCount: r.item_count ?? 0,
  decidedCount: r.decided_count ?? 0,
  closed: r.closed_at !== null,
  minutesPublished: r.minutes_published_at !== null,
});

/** The team sees every round; others the rounds whose minutes are published. */
export async function listRounds(ctx: Ctx) {
  const team = TEAM.some((role) => ctx.roles.includes(role));
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => ({
    items: (await repo.listRounds(tx, !team)).map(summary),
  }));
}

export async function createRound(ctx: Ctx, input: CreateRoundInput) {
  requireRole(ctx, ...TEAM);
  const actor = ctx.actor;
  const ideaIds = [...new Set(input.ideaIds)];
  const roundId = await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    for (const id of ideaIds) {
      const idea = await ideas.findIdea(tx, id);
      if (!idea) throw notFound();
      if (idea.merged_into || idea.hidden_at) {
        throw new AppError(422, 'portfolioAgendaIdea', { title: idea.title });
      }
    }
    const criteria =
      input.criteria?.map((c, position) => ({ ...c, position })) ?? (await loadCriteria(tx));
    if (new Set(criteria.map((c) => c.key)).size !== criteria.length) {
      throw new AppError(422, 'portfolioCriterionDuplicate');
    }
    const { id } = await tx
      .insertInto('portfolio_rounds')
      .values({
        municipality_id: ctx.municipality.id,
        title: input.title.trim(),
        meeting_date: input.meetingDate,
        created_by: actor.personId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Copied, so that a later change of the defaults never rewrites this round.
    await tx
      .insertInto('portfolio_round_criteria')
      .values(
        criteria.map((c) => ({
          municipality_id: ctx.municipality.id,
          round_id: id,
          key: c.key,
          position: c.position,
          weight: c.weight,
          name_fi: c.name.fi,
          name_sv: c.name.sv,
          name_en: c.name.en,
        })),
      )
      .execute();
    await tx
      .insertInto('portfolio_round_items')
      .values(
        ideaIds.map((ideaId, position) => ({
          municipality_id: ctx.municipality.id,
          round_id: id,
          idea_id: ideaId,
          position,
        })),
      )
      .execute();
    await audit(tx, ctx, 'portfolio.round.create', `round:${id}`, { ideas: ideaIds.length });
    return id;
  });
  return getRound(ctx, roundId);
}

async function roundView(tx: Tx, ctx: Ctx & { actor: { personId: string } }, roundId: string) {
  const round = await repo.findRound(tx, roundId);
  if (!round) throw notFound();
  const [criteria, items, scores, mine] = await Promise.all([
    repo.roundCriteria(tx, roundId),
    repo.roundItems(tx, roundId),
    repo.scoreAverages(tx, roundId),
    repo.myScores(tx, roundId, ctx.actor.personId),
  ]);
  const views = items.map((item) => {
    const averages = new Map(
      scores.averages
        .filter((a) => a.idea_id === item.idea_id)
        .map((a) => [a.criterion_id, Number(a.average)]),
    );
    return {
      idea: { id: item.idea_id, title: item.title, stage: item.stage },
      position: item.position,
      decision: item.decision,
      reason: item.reason,
      timeboxDays: item.timebox_days as 21 | 105 | null,
      decidedAt: item.decided_at?.toISOString() ?? null,
      combinedScore: combinedScore(criteria, averages),
      scorers: scores.scorers.find((s) => s.idea_id === item.idea_id)?.n ?? 0,
      averages: criteria.map((c) => ({
        criterionId: c.id,
        average: averages.has(c.id) ? Math.round(averages.get(c.id)! * 100) / 100 : null,
      })),
      myScores: mine
        .filter((s) => s.idea_id === item.idea_id)
        .map((s) => ({ criterionId: s.criterion_id, score: s.score })),
    };
  });
  return {
    id: round.id,
    title: round.title,
    meetingDate: round.meeting_date,
    itemCount: items.length,
    decidedCount: items.filter((i) => i.decision !== null).length,
    closed: round.closed_at !== null,
    minutesPublished: round.minutes_published_at !== null,
    criteria: criteria.map((c) => ({
      id: c.id,
      key: c.key,
      weight: c.weight,
      name: { fi: c.name_fi, sv: c.name_sv, en: c.name_en },
    })),
    items: views,
    canScore: ctx.roles.includes('digital_team') && round.closed_at === null,
  };
}

/** The scores are the team's working material: the round itself is the team's only. */
export async function getRound(ctx: Ctx, roundId: string) {
  requireRole(ctx, ...TEAM);
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, (tx) => roundView(tx, { ...ctx, actor }, roundId));
}

async function openRound(tx: Tx, roundId: string, ideaId: string) {
  const round = await repo.findRound(tx, roundId, true);
  if (!round) throw notFound();
  if (round.closed_at) throw new AppError(409, 'portfolioRoundClosed');
  const item = await tx
    .selectFrom('portfolio_round_items')
    .select('idea_id')
    .where('round_id', '=', roundId)
    .where('idea_id', '=', ideaId)
    .executeTakeFirst();
  if (!item) throw notFound();
}

/** A member scores an idea on the round's criteria; scoring again replaces their scores. */
export async function scoreIdea(ctx: Ctx, roundId: string, ideaId: string, input: ScoreInput) {
  requireRole(ctx, 'digital_team');
  const actor = ctx.actor;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await openRound(tx, roundId, ideaId);
    const criteria = new Set((await repo.roundCriteria(tx, roundId)).map((c) => c.id));
    if (input.scores.some((s) => !criteria.has(s.criterionId))) {
      throw new AppError(422, 'portfolioCriterionUnknown');
    }
    await tx
      .insertInto('portfolio_scores')
      .values(
        input.scores.map((s) => ({
          municipality_id: ctx.municipality.id,
          round_id: roundId,
          idea_id: ideaId,
          criterion_id: s.criterionId,
          person_id: actor.personId,
          score: s.score,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['round_id', 'idea_id', 'criterion_id', 'person_id'])
          .doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), updated_at: new Date() })),
      )
      .execute();
    await audit(tx, ctx, 'portfolio.round.score', `round:${roundId}`, { ideaId });
  });
  return getRound(ctx, roundId);
}

/**
 * The round decides on an idea: go now, wait or no, with a reason. The idea moves to the
 * decision's stage (go: an experiment, which needs an owner and a timebox), and the decision
 * and the move stay in its history. A decision can be revised while the round is open.
 */
export async function recordDecision(
  ctx: Ctx,
  roundId: string,
  ideaId: string,
  input: DecisionInput,
) {
  requireRole(ctx, ...TEAM);
  const actor = ctx.actor;
  const reason = input.reason.trim();
  if (!reason) throw new AppError(422, 'portfolioDecisionReason');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await openRound(tx, roundId, ideaId);
    const idea = (await ideas.findIdea(tx, ideaId, true))!;
    const ownerId = input.ownerId ?? idea.owner_id;
    if (input.ownerId && !(await ideas.isMember(tx, input.ownerId))) {
      throw new AppError(422, 'portfolioOwnerUnknown');
    }
    const timebox =
      input.decision === 'go' ? (input.timeboxDays ?? idea.timebox_days) : idea.timebox_days;
    await moveToStage(
      tx,
      { ...ctx, actor },
      {
        ideaId,
        title: idea.title,
        fromStage: idea.stage,
        toStage: DECISION_STAGE[input.decision],
        reason,
        roundId,
        decision: input.decision,
        fields: {
          owner_id: ownerId,
          timebox_days: timebox,
          goal: idea.goal,
          results: idea.results,
        },
      },
    );
    await tx
      .updateTable('portfolio_round_items')
      .set({
        decision: input.decision,
        reason,
        timebox_days: input.decision === 'go' ? timebox : null,
        decided_by: actor.personId,
        decided_at: new Date(),
      })
      .where('round_id', '=', roundId)
      .where('idea_id', '=', ideaId)
      .execute();
    await audit(tx, ctx, 'portfolio.round.decide', `idea:${ideaId}`, {
      roundId,
      decision: input.decision,
    });
  });
  return getRound(ctx, roundId);
}
