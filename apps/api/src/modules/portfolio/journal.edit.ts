import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { requireUser, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { access, cleanVideoUrl } from './journal.js';
import type { JournalVisibility } from './journal.tables.js';

/**
 * Editing and deleting a journal post: its author (while still an insider of the experiment:
 * owner or team member) or the digital team. An edit keeps the post's photos and marks it
 * edited; a delete removes the post with its photos. Both are audited with what changed.
 */

export interface JournalEditInput {
  body: string;
  videoUrl?: string | null;
  visibility: JournalVisibility;
}

/** The post, locked, when this person may change it; 404 when they may not even read it. */
async function editablePost(tx: Tx, ctx: AuthenticatedCtx, ideaId: string, postId: string) {
  const { insider, moderator } = await access(tx, ctx, ideaId);
  const post = await tx
    .selectFrom('portfolio_journal_posts')
    .select(['id', 'author_id', 'visibility'])
    .where('id', '=', postId)
    .where('idea_id', '=', ideaId)
    .forUpdate()
    .executeTakeFirst();
  if (!post || (post.visibility !== 'public' && !insider)) throw notFound();
  if (!moderator && !(insider && post.author_id === ctx.actor.personId)) throw forbidden();
  return post;
}

export async function updateJournalPost(
  ctx: Ctx,
  ideaId: string,
  postId: string,
  input: JournalEditInput,
) {
  requireUser(ctx);
  const body = input.body.trim();
  if (!body) throw new AppError(422, 'portfolioJournalEmpty');
  const videoUrl = cleanVideoUrl(input.videoUrl);
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const before = await editablePost(tx, ctx, ideaId, postId);
    await tx
      .updateTable('portfolio_journal_posts')
      .set({ body, video_url: videoUrl, visibility: input.visibility, edited_at: new Date() })
      .where('id', '=', postId)
      .execute();
    await audit(tx, ctx, 'portfolio.journal.edit', `idea:${ideaId}`, {
      postId,
      ownPost: before.author_id === ctx.actor.personId,
      visibility: { from: before.visibility, to: input.visibility },
    });
  });
}

export async function deleteJournalPost(ctx: Ctx, ideaId: string, postId: string) {
  requireUser(ctx);
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const post = await editablePost(tx, ctx, ideaId, postId);
    const photos = await tx
      .deleteFrom('portfolio_journal_photos')
      .where('post_id', '=', postId)
      .returning('id')
      .execute();
    await tx.deleteFrom('portfolio_journal_posts').where('id', '=', postId).execute();
    await audit(tx, ctx, 'portfolio.journal.delete', `idea:${ideaId}`, {
      postId,
      ownPost: post.author_id === ctx.actor.personId,
      visibility: post.visibility,
      photos: photos.length,
    });
  });
}
