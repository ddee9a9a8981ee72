import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

/** The import's API calls (previewPortfolioImport, importPortfolio) on the generated client. */

export type ImportBody = NonNullable<
  operations['importPortfolio']['requestBody']
>['content']['application/json'];
export type ImportPreview =
  operations['previewPortfolioImport']['responses'][200]['content']['application/json'];
export type ImportField = ImportPreview['fields'][number];
export type ImportMapping = ImportPreview['mapping'];

const p = (slug: string) => ({ params: { path: { slug } } });

export const importApi = {
  preview: (slug: string, body: ImportBody) =>
    unwrap(client.POST('/api/{slug}/portfolio/import/preview', { ...p(slug), body })),
  commit: (slug: string, body: ImportBody) =>
    unwrap(client.POST('/api/{slug}/portfolio/import', { ...p(slug), body })),
};

export const exportUrl = (slug: string, format: 'csv' | 'xlsx') =>
  `/api/${encodeURIComponent(slug)}/portfolio/export?format=${format}`;

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}
