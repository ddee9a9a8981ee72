import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import * as repo from './ideas.repo.js';
import type { IdeaInput, IdeaQuery } from './portfolio.schema.js';
import {
  listIdeaAttachments,
  prepareIdeaAttachments,
  saveIdeaAttachments,
  type IdeaAttachmentInput,
} from './attachments.js';
import { clock, clockState, timeboxStates } from './timebox.js';

/** Ideas as residents and staff see them: list, page, submit, support, follow, comment. */

export const canModerate = (ctx: Ctx) =>
  ctx.roles.includes('digital_team') || ctx.roles.includes('admin');

/** Tags as typed: trimmed, empty ones dropped, each once. */
export const cleanTags = (tags: string[] | undefined) => [
  ...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean)),
];

type Row = repo.IdeaRow;

/** A hidden idea shows only its public reason to everyone but the digital team. */
export function toSummary(row: Row, moderator: boolean) {
  const hidden = row.hidden_at !== null;
  const strip = hidden && !moderator;
  return {
    id: row.id,
    title: strip ? '' : row.title,
    problem: strip ? '' : row.problem,
    stage: row.stage,
    themes: strip ? [] : row.themes,
    departments: strip ? [] : row.departments,
    targetGroups: strip ? [] : row.target_groups,
    submittedAs: row.submitted_as,
    supportCount: row.support_count ?? 0,
    commentCount: row.comment_count ?? 0,
    hidden,
    hiddenReason: row.hidden_reason,
    createdAt: row.created_at.toISOString(),
    stageChangedAt: row.stage_changed_at.toISOString(),
  };
}

/** A list item: the summary, its owner and where its experiment clock stands. */
function toListItem(row: repo.IdeaListRow, moderator: boolean, now: Date) {
  const strip = row.hidden_at !== null && !moderator;
  const clockRow =
    row.clock_timebox_days !== null && row.clock_due_date !== null && row.clock_declare_by
      ? {
          due_date: row.clock_due_date,
          declare_by: row.clock_declare_by,
          declared_at: row.clock_declared_at,
        }
      : null;
  return {
    ...toSummary(row, moderator),
    owner: row.owner_id && !strip ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    clock:
      clockRow && !strip
        ? {
            timeboxDays: row.clock_timebox_days as 21 | 105,
            dueDate: clockRow.due_date,
            daysLeft: clockState(clockRow, now).daysLeft,
            states: timeboxStates({ ...clockRow, running: row.stage === 'experiment' }, now),
          }
        : null,
  };
}

/** Public: the list, filtered, with what it can be filtered by. */
export async function listIdeas(ctx: Ctx, query: IdeaQuery) {
  const moderator = canModerate(ctx);
  const includeHidden = moderator && query.includeHidden === true;
  const now = clock.now();
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await repo.listIdeas(tx, query, includeHidden, now);
    return {
      items: rows.map((row) => toListItem(row, moderator, now)),
      facets: await repo.listFacets(tx, includeHidden),
    };
  });
}

export async function getIdea(ctx: Ctx, ideaId: string) {
  const moderator = canModerate(ctx);
  const me = ctx.actor?.personId ?? null;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await repo.findIdea(tx, ideaId);
    if (!row) throw notFound();
    const strip = row.hidden_at !== null && !moderator;
    const [owner, submitter, comments, events, attachments] = await Promise.all([
      repo.personName(tx, row.owner_id),
      moderator ? repo.personName(tx, row.submitted_by) : null,
      strip ? [] : repo.comments(tx, ideaId),
      repo.history(tx, ideaId),
      strip ? [] : listIdeaAttachments(tx, ideaId),
    ]);
    return {
      ...toSummary(row, moderator),
      proposal: strip ? '' : row.proposal,
      owner,
      timeboxDays: row.timebox_days as 21 | 105 | null,
      goal: strip ? '' : row.goal,
      results: strip ? '' : row.results,
      mergedInto: row.merged_into,
      submitter,
      supportedByMe: me ? await repo.hasLink(tx, 'portfolio_supports', ideaId, me) : false,
      followedByMe: me ? await repo.hasLink(tx, 'portfolio_followers', ideaId, me) : false,
      canModerate: moderator,
      attachments,
      comments: comments
        .filter((c) => moderator || c.hidden_at === null)
        .map((c) => ({
          id: c.id,
          author: c.author,
          body: c.body,
          hidden: c.hidden_at !== null,
          createdAt: c.created_at.toISOString(),
        })),
      history: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        fromStage: e.from_stage,
        toStage: e.to_stage,
        reason: e.reason,
        decision: e.decision,
        roundId: e.round_id,
        otherIdeaId: e.other_idea_id,
        at: e.created_at.toISOString(),
      })),
    };
  });
}

export async function createIdea(
  ctx: Ctx,
  input: IdeaInput & { attachments?: IdeaAttachmentInput[] },
) {
  requireUser(ctx);
  const actor = ctx.actor;
  const title = input.title.trim();
  const problem = input.problem.trim();
  const proposal = input.proposal.trim();
  if (title.length < 3 || !problem || !proposal) throw new AppError(422, 'portfolioIdeaEmpty');
  // Checked and resized before the transaction: a refused file leaves no idea behind.
  const files = await prepareIdeaAttachments(input.attachments);
  const id = await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const { id } = await tx
      .insertInto('portfolio_ideas')
      .values({
        municipality_id: ctx.municipality.id,
        title,
        problem,
        proposal,
        target_groups: cleanTags(input.targetGroups),
        departments: cleanTags(input.departments),
        themes: cleanTags(input.themes),
        submitted_by: actor.personId,
        submitted_as: ctx.roles.includes('staff') ? 'staff' : 'resident',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.addEvents(tx, [
      {
        municipalityId: ctx.municipality.id,
        ideaId: id,
        kind: 'submitted',
        actorId: actor.personId,
        toStage: 'idea',
      },
    ]);
    // The submitter hears of every step their idea takes.
    await repo.addLink(tx, 'portfolio_followers', ctx.municipality.id, id, actor.personId);
    await saveIdeaAttachments(tx, ctx, id, files);
    await audit(tx, ctx, 'portfolio.idea.create', `idea:${id}`, { title, files: files.length });
    return id;
  });
  return getIdea(ctx, id);
}

/** An idea people may still support, follow and comment: there, not hidden, not merged. */
export async function openIdea(tx: Tx, ideaId: string) {
  const row = await repo.findIdea(tx, ideaId);
  if (!row) throw notFound();
  if (row.merged_into) throw new AppError(409, 'portfolioIdeaMerged');
  if (row.hidden_at) throw new AppError(409, 'portfolioIdeaHidden');
  return row;
}

export async function setSupport(ctx: Ctx, ideaId: string, support: boolean) {
  requireUser(ctx);
  const personId = ctx.actor.personId;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await openIdea(tx, ideaId);
    if (support) {
      await repo.addLink(tx, 'portfolio_supports', ctx.municipality.id, ideaId, personId);
      // A supporter wants to know what becomes of it.
      await repo.addLink(tx, 'portfolio_followers', ctx.municipality.id, ideaId, personId);
    } else {
      await repo.removeLink(tx, 'portfolio_supports', ideaId, personId);
    }
    await audit(
      tx,
      ctx,
      support ? 'portfolio.idea.support' : 'portfolio.idea.unsupport',
      `idea:${ideaId}`,
    );
    const row = (await repo.findIdea(tx, ideaId))!;
    return { supportCount: row.support_count ?? 0, supportedByMe: support };
  });
}

export async function setFollow(ctx: Ctx, ideaId: string, follow: boolean) {
  requireUser(ctx);
  const personId = ctx.actor.personId;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!(await repo.findIdea(tx, ideaId))) throw notFound();
    if (follow)
      await repo.addLink(tx, 'portfolio_followers', ctx.municipality.id, ideaId, personId);
    else await repo.removeLink(tx, 'portfolio_followers', ideaId, personId);
    return { followedByMe: follow };
  });
}

export async function addComment(ctx: Ctx, ideaId: string, body: string) {
  requireUser(ctx);
  const text = body.trim();
  if (!text) throw new AppError(422, 'portfolioCommentEmpty');
  const actor = ctx.actor;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await openIdea(tx, ideaId);
    const row = await tx
      .insertInto('portfolio_comments')
      .values({
        municipality_id: ctx.municipality.id,
        idea_id: ideaId,
        author_id: actor.personId,
        body: text,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    await audit(tx, ctx, 'portfolio.comment.add', `idea:${ideaId}`, { commentId: row.id });
    return {
      id: row.id,
      author: actor.name,
      body: text,
      hidden: false,
      createdAt: row.created_at.toISOString(),
    };
  });
}
