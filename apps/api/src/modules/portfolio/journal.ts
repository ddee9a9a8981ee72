import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';
import * as experiments from './experiments.repo.js';
import { canModerate } from './ideas.js';
import { resizePhoto, type ResizedPhoto } from './cases.photos.js';
import type { JournalKind, JournalVisibility } from './journal.tables.js';
import type { AuthenticatedCtx } from '../../platform/http/context.js';

/**
 * The experiment journal: short posts by the experiment's owner, its team members or the
 * digital team. Public posts are read by anyone on the idea page (no login); internal posts by
 * those insiders only. A hidden idea's journal is the digital team's only, like its experiment.
 * A post is edited or deleted by its author or the digital team (journal.edit.ts).
 */
export const MAX_JOURNAL_PHOTOS = 4;

export interface JournalPostInput {
  body: string;
  videoUrl?: string | null;
  visibility: JournalVisibility;
  photos?: { dataBase64: string; altText: string }[];
}

/**
 * What this person may do with the idea's journal; notFound when the idea is not theirs to see.
 * Insiders (write posts, read internal ones): the digital team, the owner and the experiment's
 * team members (`portfolio_experimenters` chosen from the municipality's people).
 */
export async function access(tx: Tx, ctx: Ctx, ideaId: string) {
  const row = await experiments.findExperiment(tx, ideaId);
  const moderator = canModerate(ctx);
  if (!row || (row.hidden_at && !moderator)) throw notFound();
  const me = ctx.actor?.personId ?? null;
  const insider =
    moderator || (me !== null && (row.owner_id === me || (await isExperimenter(tx, ideaId, me))));
  return { insider, moderator, me };
}

async function isExperimenter(tx: Tx, ideaId: string, personId: string) {
  const row = await tx
    .selectFrom('portfolio_experimenters')
    .select('id')
    .where('idea_id', '=', ideaId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Only http(s) links become links on the page; anything else is refused, not rewritten. */
export function cleanVideoUrl(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AppError(422, 'portfolioJournalVideoUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(422, 'portfolioJournalVideoUrl');
  }
  return url.toString();
}

export async function listJournal(ctx: Ctx, ideaId: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const { insider, moderator, me } = await access(tx, ctx, ideaId);
    let q = tx
      .selectFrom('portfolio_journal_posts as j')
      .innerJoin('people as p', 'p.id', 'j.author_id')
      .select([
        'j.id',
        'j.author_id',
        'j.edited_at',
        'j.body',
        'j.video_url',
        'j.visibility',
        'j.kind',
        'j.created_at',
        'p.name as author',
      ])
      .where('j.idea_id', '=', ideaId);
    if (!insider) q = q.where('j.visibility', '=', 'public');
    const posts = await q.orderBy('j.created_at', 'desc').orderBy('j.id').execute();
    const photos = posts.length
      ? await tx
          .selectFrom('portfolio_journal_photos')
          .select(['id', 'post_id', 'width', 'height', 'alt_text'])
          .where(
            'post_id',
            'in',
            posts.map((p) => p.id),
          )
          .orderBy('position')
          .execute()
      : [];
    return {
      canPost: insider,
      items: posts.map((p) => ({
        id: p.id,
        body: p.body,
        videoUrl: p.video_url,
        visibility: p.visibility,
        kind: p.kind,
        celebration: p.kind === 'celebration',
        author: p.author,
        createdAt: p.created_at.toISOString(),
        editedAt: p.edited_at?.toISOString() ?? null,
        canEdit: moderator || (insider && p.author_id === me),
        photos: photos
          .filter((f) => f.post_id === p.id)
          .map((f) => ({ id: f.id, width: f.width, height: f.height, altText: f.alt_text })),
      })),
    };
  });
}

export async function addJournalPost(ctx: Ctx, ideaId: string, input: JournalPostInput) {
  requireUser(ctx);
  const body = input.body.trim();
  if (!body) throw new AppError(422, 'portfolioJournalEmpty');
  const videoUrl = cleanVideoUrl(input.videoUrl);
  const uploads = input.photos ?? [];
  if (uploads.length > MAX_JOURNAL_PHOTOS) {
    throw new AppError(422, 'portfolioJournalPhotoLimit', { max: MAX_JOURNAL_PHOTOS });
  }
  if (uploads.some((p) => !p.altText.trim())) throw new AppError(422, 'portfolioJournalAltText');
  // The role is checked before the photos are decoded, so a stranger cannot make us resize.
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!(await access(tx, ctx, ideaId)).insider) throw forbidden();
  });
  const resized: ResizedPhoto[] = [];
  for (const upload of uploads) resized.push(await resizePhoto(upload.dataBase64));
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    if (!(await access(tx, ctx, ideaId)).insider) throw forbidden();
    const { id } = await tx
      .insertInto('portfolio_journal_posts')
      .values({
        municipality_id: ctx.municipality.id,
        idea_id: ideaId,
        author_id: ctx.actor.personId,
        body,
        video_url: videoUrl,
        visibility: input.visibility,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [position, photo] of resized.entries()) {
      await tx
        .insertInto('portfolio_journal_photos')
        .values({
          municipality_id: ctx.municipality.id,
          post_id: id,
          data: photo.data,
          mime: photo.mime,
          width: photo.width,
          height: photo.height,
          alt_text: uploads[position]!.altText.trim(),
          position,
        })
        .execute();
    }
    await audit(tx, ctx, 'portfolio.journal.post', `idea:${ideaId}`, {
      postId: id,
      visibility: input.visibility,
      photos: resized.length,
    });
    return { id };
  });
}

/** A photo is readable exactly when its post is. */
export async function journalPhoto(ctx: Ctx, ideaId: string, photoId: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const { insider } = await access(tx, ctx, ideaId);
    const row = await tx
      .selectFrom('portfolio_journal_photos as f')
      .innerJoin('portfolio_journal_posts as j', 'j.id', 'f.post_id')
      .select(['f.data', 'f.mime', 'j.visibility'])
      .where('f.id', '=', photoId)
      .where('j.idea_id', '=', ideaId)
      .executeTakeFirst();
    if (!row || (row.visibility !== 'public' && !insider)) throw notFound();
    return { data: row.data, mime: row.mime, visibility: row.visibility };
  });
}

/**
 * A public post the experiment itself writes: its declaration, its celebration, or (stopped)
 * what was learned. In the caller's transaction, by the person who declared or finished it.
 */
export async function writeStoryPost(
  tx: Tx,
  ctx: AuthenticatedCtx,
  ideaId: string,
  post: { kind: JournalKind; body: string; at: Date },
) {
  const { id } = await tx
    .insertInto('portfolio_journal_posts')
    .values({
      municipality_id: ctx.municipality.id,
      idea_id: ideaId,
      author_id: ctx.actor.personId,
      body: post.body,
      visibility: 'public',
      kind: post.kind,
      created_at: post.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
