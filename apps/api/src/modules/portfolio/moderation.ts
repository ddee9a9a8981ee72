import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import * as repo from './ideas.repo.js';
import { cleanTags, getIdea } from './ideas.js';
import type { IdeaInput, StageChangeInput } from './portfolio.schema.js';
import { moveToStage } from './stage-change.js';

/** The digital team's moderation: edit, hide and show, merge duplicates, move stages. */

const TEAM = ['digital_team', 'admin'] as const;

async function lockIdea(tx: Tx, ideaId: string) {
  const row = await repo.findIdea(tx, ideaId, true);
  if (!row) throw notFound();
  return row;
}

export async function updateIdea(ctx: Ctx, ideaId: string, input: IdeaInput) {
  requireRole(ctx, ...TEAM);
  const actor = ctx.actor;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await lockIdea(tx, ideaId);
    if (row.merged_into) throw new AppError(409, 'portfolioIdeaMerged');
    await tx
      .updateTable('portfolio_ideas')
      .set({
        title: input.title.trim(),
        problem: input.problem.trim(),
        proposal: input.proposal.trim(),
        target_groups: cleanTags(input.targetGroups),
        departments: cleanTags(input.departments),
        themes: cleanTags(input.themes),
        updated_at: new Date(),
      })
      .where('id', '=', ideaId)
      .execute();
    await repo.addEvents(tx, [
      { municipalityId: ctx.municipality.id, ideaId, kind: 'edited', actorId: actor.personId },
    ]);
    await audit(tx, ctx, 'portfolio.idea.edit', `idea:${ideaId}`, { before: row.title });
  });
  return getIdea(ctx, ideaId);
}

export async function setHidden(ctx: Ctx, ideaId: string, reason: string | null) {
  requireRole(ctx, ...TEAM);
  const actor = ctx.actor;
  const text = reason?.trim() ?? null;
  if (reason !== null && !text) throw new AppError(422, 'portfolioHideReason');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await lockIdea(tx, ideaId);
    await tx
      .updateTable('portfolio_ideas')
      .set({ hidden_at: text ? new Date() : null, hidden_reason: text, updated_at: new Date() })
      .where('id', '=', ideaId)
      .execute();
    await repo.addEvents(tx, [
      {
        municipalityId: ctx.municipality.id,
        ideaId,
        kind: text ? 'hidden' : 'shown',
        reason: text ?? '',
        actorId: actor.personId,
      },
    ]);
    await audit(tx, ctx, text ? 'portfolio.idea.hide' : 'portfolio.idea.show', `idea:${ideaId}`, {
      reason: text,
    });
  });
  return getIdea(ctx, ideaId);
}

export async function hideComment(ctx: Ctx, commentId: string) {
  requireRole(ctx, ...TEAM);
  const actor = ctx.actor;
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const changed = await tx
      .updateTable('portfolio_comments')
      .set({ hidden_at: new Date(), hidden_by: actor.personId })
      .where('id', '=', commentId)
      .returning('idea_id')
      .executeTakeFirst();
    if (!changed) throw notFound();
    await audit(tx, ctx, 'portfolio.comment.hide', `idea:${changed.idea_id}`, { commentId });
  });
}

/**
 * Merge duplicates into the kept idea. Supports and followers move over as sets: someone who
 * supported both counts once (the primary key), so the kept idea's count is the number of
 * distinct supporters. Comments move too; the duplicates stay as pointers to the kept idea.
 */
export async function mergeIdeas(ctx: Ctx, keptId: string, duplicateIds: string[]) {
  requireRole(ctx, ...TEAM);
  const actor = ctx.actor;
  const dups = [...new Set(duplicateIds)];
  if (dups.includes(keptId)) throw new AppError(422, 'portfolioMergeSelf');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const kept = await lockIdea(tx, keptId);
    if (kept.merged_into) throw new AppError(409, 'portfolioIdeaMerged');
    for (const id of dups) {
      const dup = await lockIdea(tx, id);
      if (dup.merged_into) throw new AppError(409, 'portfolioIdeaMerged');
    }
    for (const table of ['portfolio_supports', 'portfolio_followers'] as const) {
      await sql`
        insert into ${sql.table(table)} (municipality_id, idea_id, person_id, created_at)
        select municipality_id, ${keptId}, person_id, min(created_at)
          from ${sql.table(table)} where idea_id = any(${dups}::uuid[])
         group by municipality_id, person_id
        on conflict (idea_id, person_id) do nothing`.execute(tx);
      await tx.deleteFrom(table).where('idea_id', 'in', dups).execute();
    }
    await tx
      .updateTable('portfolio_comments')
      .set({ idea_id: keptId })
      .where('idea_id', 'in', dups)
      .execute();
    await tx
      .updateTable('portfolio_ideas')
      .set({ merged_into: keptId, updated_at: new Date() })
      .where('id', 'in', dups)
      .execute();
    const base = { municipalityId: ctx.municipality.id, actorId: actor.personId };
    await repo.addEvents(tx, [
      ...dups.map((id) => ({
        ...base,
        ideaId: id,
        kind: 'merged_into' as const,
        otherIdeaId: keptId,
      })),
      ...dups.map((id) => ({
        ...base,
        ideaId: keptId,
        kind: 'merged_from' as const,
        otherIdeaId: id,
      })),
    ]);
    await audit(tx, ctx, 'portfolio.idea.merge', `idea:${keptId}`, { duplicates: dups });
  });
  return getIdea(ctx, keptId);
}

/** The team moves an idea to a stage, giving what the stage requires in the same request. */
export async function changeIdeaStage(ctx: Ctx, ideaId: string, input: StageChangeInput) {
  requireRole(ctx, ...TEAM);
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await lockIdea(tx, ideaId);
    if (row.merged_into) throw new AppError(409, 'portfolioIdeaMerged');
    const ownerId = input.ownerId === undefined ? row.owner_id : input.ownerId;
    if (ownerId && ownerId !== row.owner_id && !(await repo.isMember(tx, ownerId))) {
      throw new AppError(422, 'portfolioOwnerUnknown');
    }
    await moveToStage(tx, ctx, {
      ideaId,
      title: row.title,
      fromStage: row.stage,
      toStage: input.stage,
      reason: input.reason.trim(),
      fields: {
        owner_id: ownerId,
        timebox_days: input.timeboxDays === undefined ? row.timebox_days : input.timeboxDays,
        goal: input.goal?.trim() ?? row.goal,
        results: input.results?.trim() ?? row.results,
      },
    });
    await audit(tx, ctx, 'portfolio.idea.stage', `idea:${ideaId}`, {
      from: row.stage,
      to: input.stage,
    });
  });
  return getIdea(ctx, ideaId);
}
