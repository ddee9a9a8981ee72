import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the portfolio tables (migration 0020), merged into the platform's DB
 * interface here so that the module's tables live with the module.
 */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type DateColumn = ColumnType<string, string, string>;

export type Decision = 'go' | 'wait' | 'no';
export type RequiredField = 'owner' | 'timebox' | 'goal' | 'results';
export type EventKind =
  | 'submitted'
  | 'edited'
  | 'stage'
  | 'hidden'
  | 'shown'
  | 'merged_from'
  | 'merged_into'
  | 'decision';

export interface PortfolioStagesTable {
  municipality_id: string;
  key: string;
  position: number;
  closed: Generated<boolean>;
  name_fi: string;
  name_sv: string;
  name_en: string;
  required_fields: Generated<RequiredField[]>;
}

export interface PortfolioIdeasTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  problem: string;
  proposal: string;
  target_groups: Generated<string[]>;
  departments: Generated<string[]>;
  themes: Generated<string[]>;
  submitted_by: string | null;
  submitted_as: 'resident' | 'staff';
  stage: Generated<string>;
  stage_changed_at: GeneratedTimestamp;
  owner_id: string | null;
  timebox_days: number | null;
  goal: Generated<string>;
  results: Generated<string>;
  hidden_at: NullableTimestamp;
  hidden_reason: string | null;
  merged_into: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PortfolioCommentsTable {
  id: Generated<string>;
  municipality_id: string;
  idea_id: string;
  author_id: string;
  body: string;
  hidden_at: NullableTimestamp;
  hidden_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface PortfolioPersonLinkTable {
  municipality_id: string;
  idea_id: string;
  person_id: string;
  created_at: GeneratedTimestamp;
}

export interface PortfolioEventsTable {
  id: Generated<number>;
  municipality_id: string;
  idea_id: string;
  kind: EventKind;
  from_stage: string | null;
  to_stage: string | null;
  reason: Generated<string>;
  round_id: string | null;
  decision: Decision | null;
  other_idea_id: string | null;
  actor_id: string | null;
  created_at: GeneratedTimestamp;
}

export interface PortfolioCriteriaTable {
  municipality_id: string;
  key: string;
  position: number;
  name_fi: string;
  name_sv: string;
  name_en: string;
  weight: number;
}

export interface PortfolioRoundsTable {
  id: Generated<string>;
  municipality_id: string;
  title: string;
  meeting_date: DateColumn;
  created_by: string;
  created_at: GeneratedTimestamp;
  closed_at: NullableTimestamp;
  minutes_published_at: NullableTimestamp;
}

export interface PortfolioRoundCriteriaTable {
  id: Generated<string>;
  municipality_id: string;
  round_id: string;
  key: string;
  position: number;
  name_fi: string;
  name_sv: string;
  name_en: string;
  weight: number;
}

export interface PortfolioRoundItemsTable {
  municipality_id: string;
  round_id: string;
  idea_id: string;
  position: number;
  decision: Decision | null;
  reason: Generated<string>;
  timebox_days: number | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
}

export interface PortfolioScoresTable {
  municipality_id: string;
  round_id: string;
  idea_id: string;
  criterion_id: string;
  person_id: string;
  score: number;
  updated_at: GeneratedTimestamp;
}

export interface PortfolioExperimentsTable {
  municipality_id: string;
  idea_id: string;
  timebox_days: number;
  decided_at: ColumnType<Date, Date | string, Date | string>;
  declare_by: ColumnType<Date, Date | string, Date | string>;
  declared_at: NullableTimestamp;
  declaration: Generated<string>;
  due_date: DateColumn;
  budget_granted_cents: Generated<number>;
  budget_spent_cents: Generated<number>;
  created_at: GeneratedTimestamp;
  /** The end (migration 0027): all set together by finishExperiment, once. */
  outcome: ExperimentOutcome | null;
  lessons: Generated<string>;
  outcome_summary: Generated<string>;
  finished_at: NullableTimestamp;
  finished_by: string | null;
}

export type ExperimentOutcome = 'adopted' | 'changed' | 'stopped';

export interface PortfolioExtensionsTable {
  id: Generated<string>;
  municipality_id: string;
  idea_id: string;
  days: number;
  reason: string;
  extended_by: string;
  created_at: GeneratedTimestamp;
}

export interface PortfolioExperimentersTable {
  id: Generated<string>;
  municipality_id: string;
  idea_id: string;
  position: number;
  person_id: string | null;
  name: string;
  department: string;
}

export interface PortfolioMetricsTable {
  id: Generated<string>;
  municipality_id: string;
  idea_id: string;
  position: number;
  name: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  result: number | null;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    portfolio_stages: PortfolioStagesTable;
    portfolio_ideas: PortfolioIdeasTable;
    portfolio_comments: PortfolioCommentsTable;
    portfolio_supports: PortfolioPersonLinkTable;
    portfolio_followers: PortfolioPersonLinkTable;
    portfolio_events: PortfolioEventsTable;
    portfolio_criteria: PortfolioCriteriaTable;
    portfolio_rounds: PortfolioRoundsTable;
    portfolio_round_criteria: PortfolioRoundCriteriaTable;
    portfolio_round_items: PortfolioRoundItemsTable;
    portfolio_scores: PortfolioScoresTable;
    portfolio_experiments: PortfolioExperimentsTable;
    portfolio_extensions: PortfolioExtensionsTable;
    portfolio_experimenters: PortfolioExperimentersTable;
    portfolio_metrics: PortfolioMetricsTable;
  }
}
