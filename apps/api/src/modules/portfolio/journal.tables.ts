import type { ColumnType, Generated } from 'kysely';

/** Row types of the experiment journal (migrations 0025, 0027), merged into the platform's DB. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type JournalVisibility = 'public' | 'internal';
/** post: written in the journal; declaration and celebration: written by the experiment (0027). */
export type JournalKind = 'post' | 'declaration' | 'celebration';

export interface PortfolioJournalPostsTable {
  id: Generated<string>;
  municipality_id: string;
  idea_id: string;
  author_id: string;
  body: string;
  video_url: string | null;
  visibility: JournalVisibility;
  kind: Generated<JournalKind>;
  created_at: GeneratedTimestamp;
  edited_at: Date | null;
}

export interface PortfolioJournalPhotosTable {
  id: Generated<string>;
  municipality_id: string;
  post_id: string;
  data: Buffer;
  mime: string;
  width: number;
  height: number;
  alt_text: string;
  position: Generated<number>;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    portfolio_journal_posts: PortfolioJournalPostsTable;
    portfolio_journal_photos: PortfolioJournalPhotosTable;
  }
}
