import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type AuthenticatedCtx, type Ctx } from '../../platform/http/context.js';
import { checkAttachments, type AttachmentInput } from '../../platform/http/attachments.js';
import { resizeImage } from './cases.photos.js';
import { canModerate } from './ideas.js';

/**
 * An idea's images and PDF files, given when the idea is submitted. The platform's upload
 * checks apply (at most 5 files, 10 MB each, 20 MB together, the type by the first bytes);
 * images are then re-encoded like the journal's photos (JPEG, 1600 px, no GPS metadata) and
 * need a text alternative; PDFs are stored as sent and offered as downloads. A file is
 * readable exactly when its idea's text is: by anyone, except a hidden idea's, which only the
 * digital team sees. A merge leaves the files with the duplicate (whose page shows them and
 * links to the kept idea): they illustrate the duplicate's own text.
 */

export interface IdeaAttachmentInput extends AttachmentInput {
  altText?: string;
}

export interface PreparedAttachment {
  filename: string;
  contentType: 'image/jpeg' | 'application/pdf';
  data: Buffer;
  width: number | null;
  height: number | null;
  altText: string | null;
}

/** Every check and every resize before the transaction: a refused file leaves nothing. */
export async function prepareIdeaAttachments(
  files: IdeaAttachmentInput[] | undefined,
): Promise<PreparedAttachment[]> {
  const checked = checkAttachments(files);
  const prepared: PreparedAttachment[] = [];
  for (const [i, file] of checked.entries()) {
    if (file.contentType === 'application/pdf') {
      prepared.push({
        ...file,
        contentType: file.contentType,
        width: null,
        height: null,
        altText: null,
      });
      continue;
    }
    const altText = files![i]!.altText?.trim() ?? '';
    if (!altText) throw new AppError(422, 'portfolioAttachmentAltText', { name: file.filename });
    const image = await resizeImage(file.data);
    prepared.push({
      // The bytes are a JPEG now; the name says so when the file is saved.
      filename: file.filename.replace(/\.(png|webp|jpe?g)$/i, '') + '.jpg',
      contentType: image.mime,
      data: image.data,
      width: image.width,
      height: image.height,
      altText,
    });
  }
  return prepared;
}

export async function saveIdeaAttachments(
  tx: Tx,
  ctx: AuthenticatedCtx,
  ideaId: string,
  files: PreparedAttachment[],
) {
  if (files.length === 0) return;
  const rows = await tx
    .insertInto('portfolio_idea_attachments')
    .values(
      files.map((f, position) => ({
        municipality_id: ctx.municipality.id,
        idea_id: ideaId,
        position,
        filename: f.filename,
        content_type: f.contentType,
        size_bytes: f.data.length,
        data: f.data,
        width: f.width,
        height: f.height,
        alt_text: f.altText,
        uploaded_by: ctx.actor.personId,
      })),
    )
    .returning(['id', 'content_type', 'size_bytes'])
    .execute();
  await audit(tx, ctx, 'portfolio.idea.attachments', `idea:${ideaId}`, {
    files: rows.map((r) => ({ id: r.id, contentType: r.content_type, sizeBytes: r.size_bytes })),
  });
}

/** The idea page's list (no bytes), in the order they were given. */
export async function listIdeaAttachments(tx: Tx, ideaId: string) {
  const rows = await tx
    .selectFrom('portfolio_idea_attachments')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'width', 'height', 'alt_text'])
    .where('idea_id', '=', ideaId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    width: r.width,
    height: r.height,
    altText: r.alt_text,
  }));
}

/** One file's bytes; 404 for what the reader may not see, as if it did not exist. */
export async function ideaAttachment(ctx: Ctx, ideaId: string, attachmentId: string) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await tx
      .selectFrom('portfolio_idea_attachments as a')
      .innerJoin('portfolio_ideas as i', 'i.id', 'a.idea_id')
      .select(['a.filename', 'a.content_type', 'a.data', 'i.hidden_at'])
      .where('a.id', '=', attachmentId)
      .where('a.idea_id', '=', ideaId)
      .executeTakeFirst();
    if (!row || (row.hidden_at && !canModerate(ctx))) throw notFound();
    return {
      filename: row.filename,
      contentType: row.content_type,
      data: Buffer.from(row.data),
      hidden: row.hidden_at !== null,
    };
  });
}

/** Moderation: the digital team removes one file (a face, a phone number) and keeps the idea. */
export async function removeIdeaAttachment(ctx: Ctx, ideaId: string, attachmentId: string) {
  requireRole(ctx, 'digital_team', 'admin');
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const removed = await tx
      .deleteFrom('portfolio_idea_attachments')
      .where('id', '=', attachmentId)
      .where('idea_id', '=', ideaId)
      .returning(['filename', 'content_type'])
      .executeTakeFirst();
    if (!removed) throw notFound();
    await audit(tx, ctx, 'portfolio.idea.attachment.remove', `idea:${ideaId}`, {
      attachmentId,
      contentType: removed.content_type,
    });
  });
}
