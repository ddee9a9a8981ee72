import { AppError } from './errors.js';

/**
 * Uploaded files (images and PDF) that travel in a request's JSON in base64, shared by the
 * modules that take attachments (daycare messages, portfolio ideas). Every check happens
 * before anything is written: the count, each size and the total, and the type by the file's
 * first bytes, never only what the browser claimed.
 */

export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Together, so that a message (and the server's memory for it) stays bounded. */
export const MAX_ATTACHMENTS_TOTAL_BYTES = 20 * 1024 * 1024;
/**
 * The body limit of the routes that take attachments: base64 of the total and the text, with
 * room so that a message somewhat over the total gets the service's precise error; a body far
 * over it is refused before it is read (413 payloadTooLarge).
 */
export const ATTACHMENT_BODY_LIMIT = Math.ceil(
  ((MAX_ATTACHMENTS_TOTAL_BYTES + 5 * 1024 * 1024) * 4) / 3,
);
/** Base64 of one file at its limit (the schema's bound; the service says the clear error). */
export const MAX_BASE64_LENGTH = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4;

export interface AttachmentInput {
  filename: string;
  contentType: AttachmentType;
  dataBase64: string;
}

export interface CheckedAttachment {
  filename: string;
  contentType: AttachmentType;
  data: Buffer;
}

const startsWith = (data: Buffer, bytes: number[], at = 0) =>
  data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type a file's first bytes say it is, or null when it is none of the accepted ones. */
export function sniffType(data: Buffer): AttachmentType | null {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(data, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/**
 * A file name that is safe to store and to send back: no folders, no control characters, no
 * characters that would break a header, at most 200 characters.
 */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|*?:;]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'liite';
}

/** `Content-Disposition` for a download: an ASCII name for old clients, the real one in UTF-8. */
export function contentDisposition(filename: string, type = 'attachment'): string {
  const fallback = filename.replace(/[^A-Za-z0-9._ -]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Every check before anything is written: count, type by the bytes, each size and the total. */
export function checkAttachments(files: AttachmentInput[] | undefined): CheckedAttachment[] {
  if (!files || files.length === 0) return [];
  if (files.length > MAX_ATTACHMENTS) {
    throw new AppError(422, 'attachmentCount', { max: MAX_ATTACHMENTS });
  }
  const mb = (bytes: number) => bytes / 1024 / 1024;
  let total = 0;
  return files.map((file) => {
    const filename = safeFilename(file.filename);
    const data = Buffer.from(file.dataBase64, 'base64');
    if (data.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError(413, 'attachmentTooLarge', {
        name: filename,
        mb: mb(MAX_ATTACHMENT_BYTES),
      });
    }
    total += data.length;
    if (total > MAX_ATTACHMENTS_TOTAL_BYTES) {
      throw new AppError(413, 'attachmentsTooLarge', { mb: mb(MAX_ATTACHMENTS_TOTAL_BYTES) });
    }
    // The bytes decide: a ".pdf" that is HTML, or a PNG sent as a JPEG, is refused.
    const type = data.length > 0 ? sniffType(data) : null;
    if (type === null || type !== file.contentType) {
      throw new AppError(422, 'attachmentType', { name: filename });
    }
    return { filename, contentType: type, data };
  });
}

/**
 * Headers of a stored upload sent back: the type we checked, never sniffed by the browser, and
 * opened on its own it runs nothing and reaches nothing of the app.
 */
export function downloadHeaders(
  file: { filename: string; contentType: string },
  cache: string,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  return {
    'content-type': file.contentType,
    'x-content-type-options': 'nosniff',
    'cache-control': cache,
    'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
    'content-disposition': contentDisposition(file.filename, disposition),
  };
}
