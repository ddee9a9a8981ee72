import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the case bank's tables (migration 0023), merged into the platform's DB
 * interface here so that the module's tables live with the module.
 */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type Json = ColumnType<unknown, string | undefined, string>;

export type CaseStatus = 'draft' | 'published';
export type CaseOutcome = 'adopted' | 'changed' | 'stopped';

export interface CaseMetric {
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  result: number | null;
}

export interface PortfolioCasesTable {
  id: Generated<string>;
  municipality_id: string;
  idea_id: string | null;
  status: Generated<CaseStatus>;
  title: string;
  problem: Generated<string>;
  tried: Generated<string>;
  duration_days: number | null;
  cost_cents: number | null;
  metrics: Json;
  outcome: CaseOutcome | null;
  lessons: Generated<string>;
  contact_name: Generated<string>;
  contact_email: Generated<string>;
  themes: Generated<string[]>;
  published_at: NullableTimestamp;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PortfolioCasePhotosTable {
  id: Generated<string>;
  municipality_id: string;
  case_id: string;
  data: Buffer;
  mime: string;
  width: number;
  height: number;
  alt_text: string;
  position: Generated<number>;
  created_at: GeneratedTimestamp;
}

export interface PortfolioCaseSupportsTable {
  municipality_id: string;
  case_id: string;
  person_id: string;
  created_at: GeneratedTimestamp;
}

export interface PortfolioCaseCopiesTable {
  case_id: string;
  municipality_id: string;
  idea_id: string;
  copied_by: string | null;
  created_at: GeneratedTimestamp;
}

declare module '../../platform/db/schema.js' {
  interface MunicipalitiesTable {
    /** Inhabitants, for the case bank's size filter (0023). */
    population: ColumnType<number | null, number | null | undefined, number | null>;
  }
  interface DB {
    portfolio_cases: PortfolioCasesTable;
    portfolio_case_photos: PortfolioCasePhotosTable;
    portfolio_case_supports: PortfolioCaseSupportsTable;
    portfolio_case_copies: PortfolioCaseCopiesTable;
  }
}
