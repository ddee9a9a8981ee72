import type { AttachmentUpload } from '../../api/client';
import type { Language } from '../../i18n';

/** The API's limits (messages.attachments.ts), checked here first for a quick, clear error. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_TOTAL_BYTES = 20 * 1024 * 1024;
export const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

export type AttachmentProblem =
  | { key: 'count'; max: number }
  | { key: 'type'; name: string }
  | { key: 'size'; name: string; mb: number }
  | { key: 'total'; mb: number };

/** What is wrong with the chosen files, the first thing only (null: they can be sent). */
export function attachmentProblem(files: File[]): AttachmentProblem | null {
  if (files.length > MAX_ATTACHMENTS) return { key: 'count', max: MAX_ATTACHMENTS };
  for (const f of files) {
    if (!ATTACHMENT_TYPES.includes(f.type)) return { key: 'type', name: f.name };
    if (f.size > MAX_ATTACHMENT_BYTES)
      return { key: 'size', name: f.name, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 };
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_ATTACHMENTS_TOTAL_BYTES)
    return { key: 'total', mb: MAX_ATTACHMENTS_TOTAL_BYTES / 1024 / 1024 };
  return null;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

/** The files as the API takes them (the server checks their bytes again). */
export const toUploads = (files: File[]): Promise<AttachmentUpload[]> =>
  Promise.all(
    files.map(async (f) => ({
      filename: f.name,
      contentType: f.type as AttachmentUpload['contentType'],
      dataBase64: await readBase64(f),
    })),
  );

/** "1,2 Mt", "340 kt": the size in the reader's language. */
export function formatSize(bytes: number, language: Language): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(Math.max(value, 0.1));
}
