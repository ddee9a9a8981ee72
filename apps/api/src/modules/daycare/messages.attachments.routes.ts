import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StringEnum, Uuid, responses } from '../../platform/http/schemas.js';
import { slug } from './daycare.schema.js';
import { downloadMessageAttachment } from './messages.js';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_TOTAL_BYTES,
} from './messages.attachments.js';
import { downloadHeaders } from '../../platform/http/attachments.js';

const MB = 1024 * 1024;

/** An attachment as a thread lists it (the bytes come from the download route). */
export const AttachmentSchema = Type.Object({
  id: Uuid,
  filename: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
});

/**
 * The files of a new message or a reply, in base64. The limits are the service's (so that a
 * too large file or one too many gets its own translated error); the schema only bounds them.
 */
export const AttachmentsInput = Type.Optional(
  Type.Array(
    Type.Object(
      {
        filename: Type.String({ minLength: 1, maxLength: 255 }),
        contentType: StringEnum([...ATTACHMENT_TYPES]),
        dataBase64: Type.String({
          maxLength: Math.ceil(MAX_ATTACHMENTS_TOTAL_BYTES / 3) * 4 + 4,
          pattern: '^[A-Za-z0-9+/]*={0,2}$',
        }),
      },
      { additionalProperties: false },
    ),
    {
      maxItems: 50,
      description: `At most ${MAX_ATTACHMENTS} files (JPEG, PNG, WebP or PDF, checked by their bytes), each at most ${MAX_ATTACHMENT_BYTES / MB} MB, ${MAX_ATTACHMENTS_TOTAL_BYTES / MB} MB together`,
    },
  ),
);

export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/messages/attachments/:attachmentId',
    {
      schema: {
        operationId: 'getMessageAttachment',
        tags: ['messages'],
        summary: "A message's attachment, for the thread's participants only (audited)",
        params: Type.Object({ slug, attachmentId: Uuid }),
        response: responses({
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'image/jpeg, image/png, image/webp or application/pdf',
          }),
        }),
      },
    },
    async (request, reply) => {
      const file = await downloadMessageAttachment(request.ctx, request.params.attachmentId);
      return reply.headers(downloadHeaders(file, 'private, no-store')).send(file.data);
    },
  );
};
