import type { ColumnType, Generated } from 'kysely';

/** Row type of an idea's attachments (migration 0029), merged into the platform's DB. */
export interface PortfolioIdeaAttachmentsTable {
  id: Generated<string>;
  municipality_id: string;
  idea_id: string;
  position: number;
  filename: string;
  content_type: 'image/jpeg' | 'application/pdf';
  size_bytes: number;
  data: Buffer;
  width: number | null;
  height: number | null;
  alt_text: string | null;
  uploaded_by: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    portfolio_idea_attachments: PortfolioIdeaAttachmentsTable;
  }
}
