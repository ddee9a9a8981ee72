import { Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../platform/http/schemas.js';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENTS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_TOTAL_BYTES,
} from '../../platform/http/attachments.js';

const MB = 1024 * 1024;

/** A file as the idea page lists it (the bytes come from getIdeaAttachment). */
export const IdeaAttachmentSchema = Type.Object({
  id: Uuid,
  filename: Type.String(),
  contentType: StringEnum(['image/jpeg', 'application/pdf']),
  sizeBytes: Type.Integer(),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  altText: Type.Union([Type.String(), Type.Null()], {
    description: "An image's text alternative given by its submitter; null for a PDF",
  }),
});

/**
 * The files of a new idea, in base64. The limits are the service's (so that one file too many
 * or too large gets its own translated error); the schema only bounds them.
 */
export const IdeaAttachmentsInput = Type.Optional(
  Type.Array(
    Type.Object(
      {
        filename: Type.String({ minLength: 1, maxLength: 255 }),
        contentType: StringEnum([...ATTACHMENT_TYPES]),
        dataBase64: Type.String({
          maxLength: Math.ceil(MAX_ATTACHMENTS_TOTAL_BYTES / 3) * 4 + 4,
          pattern: '^[A-Za-z0-9+/]*={0,2}$',
        }),
        altText: Type.Optional(
          Type.String({ maxLength: 300, description: 'Required for an image: what it shows' }),
        ),
      },
      { additionalProperties: false },
    ),
    {
      maxItems: 50,
      description: `At most ${MAX_ATTACHMENTS} files (JPEG, PNG or WebP images with a text alternative, or PDF; checked by their bytes), each at most ${MAX_ATTACHMENT_BYTES / MB} MB, ${MAX_ATTACHMENTS_TOTAL_BYTES / MB} MB together`,
    },
  ),
);
