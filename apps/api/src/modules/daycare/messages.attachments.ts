import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { notFound } from '../../platform/http/errors.js';
import type { CheckedAttachment } from '../../platform/http/attachments.js';
import { requireUser, type Ctx } from '../../platform/http/context.js';

/**
 * Attachments of daycare messages: images and PDF. They travel in the JSON of the message (in
 * base64, like an income statement's proof), so a message and its files are one request and
 * one transaction: every file is checked before anything is written, and a refused file leaves
 * no message behind. A file's type is what its first bytes say, never only what the browser
 * claimed; it is served only to the thread's participants and every download is audited.
 */

export {
  ATTACHMENT_TYPES,
  ATTACHMENT_BODY_LIMIT,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_TOTAL_BYTES,
  MAX_BASE64_LENGTH,
  checkAttachments,
  contentDisposition,
  safeFilename,
  sniffType,
  type AttachmentInput,
  type AttachmentType,
  type CheckedAttachment,
} from '../../platform/http/attachments.js';

export async function saveAttachments(
  tx: Tx,
  municipalityId: string,
  threadId: string,
  messageId: string,
  files: CheckedAttachment[],
) {
  if (files.length === 0) return;
  await tx
    .insertInto('message_attachments')
    .values(
      files.map((f, position) => ({
        municipality_id: municipalityId,
        message_id: messageId,
        thread_id: threadId,
        position,
        filename: f.filename,
        content_type: f.contentType,
        size_bytes: f.data.length,
        data: f.data,
      })),
    )
    .execute();
}

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/** The attachments of a thread's messages (without the bytes), by message id. */
export async function attachmentsOfThread(tx: Tx, threadId: string) {
  const rows = await tx
    .selectFrom('message_attachments')
    .select(['id', 'message_id', 'filename', 'content_type', 'size_bytes'])
    .where('thread_id', '=', threadId)
    .orderBy('message_id')
    .orderBy('position')
    .execute();
  const byMessage = new Map<string, AttachmentView[]>();
  for (const r of rows) {
    const list = byMessage.get(r.message_id) ?? [];
    list.push({
      id: r.id,
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: r.size_bytes,
    });
    byMessage.set(r.message_id, list);
  }
  return byMessage;
}

/**
 * One attachment's bytes for a participant of its thread (the same rule as reading the
 * thread: anyone else gets 404, as if it did not exist). Every download is audited.
 */
export async function downloadAttachment(
  ctx: Ctx,
  attachmentId: string,
  canSeeThread: (tx: Tx, threadId: string) => Promise<unknown>,
) {
  requireUser(ctx);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const row = await tx
      .selectFrom('message_attachments')
      .select(['id', 'thread_id', 'message_id', 'filename', 'content_type', 'data'])
      .where('id', '=', attachmentId)
      .executeTakeFirst();
    if (!row) throw notFound();
    await canSeeThread(tx, row.thread_id);
    await audit(tx, ctx, 'daycare.message.attachment.download', `message-attachment:${row.id}`, {
      threadId: row.thread_id,
      messageId: row.message_id,
    });
    return {
      filename: row.filename,
      contentType: row.content_type,
      data: Buffer.from(row.data),
    };
  });
}
