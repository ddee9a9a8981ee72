import type { ColumnType, Generated } from 'kysely';

/**
 * The tables of migration 0017 (discussion times and daycare events), added to the platform's
 * database type by declaration merging so that the module's types live with the module.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type DateColumn = ColumnType<string, string, string>;

export interface DiscussionSurveysTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string;
  group_id: string;
  title: string;
  description: Generated<string>;
  booking_deadline: DateColumn;
  created_by: string;
  created_at: Timestamp;
  cancelled_at: NullableTimestamp;
}

export interface DiscussionSurveyChildrenTable {
  municipality_id: string;
  survey_id: string;
  child_id: string;
}

export interface DiscussionSlotsTable {
  id: Generated<string>;
  municipality_id: string;
  survey_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  staff_id: string;
  place: Generated<string>;
  created_at: Timestamp;
  cancelled_at: NullableTimestamp;
  cancelled_by: string | null;
}

export interface DiscussionBookingsTable {
  id: Generated<string>;
  municipality_id: string;
  survey_id: string;
  slot_id: string;
  child_id: string;
  booked_by: string;
  booked_at: Timestamp;
  cancelled_at: NullableTimestamp;
  cancelled_by: string | null;
  reminded_at: NullableTimestamp;
}

export interface DaycareEventsTable {
  id: Generated<string>;
  municipality_id: string;
  unit_id: string;
  group_id: string | null;
  title: string;
  description: Generated<string>;
  start_date: DateColumn;
  end_date: DateColumn;
  /** HH:MM:SS */
  start_time: string | null;
  end_time: string | null;
  created_by: string;
  created_at: Timestamp;
  cancelled_at: NullableTimestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    discussion_surveys: DiscussionSurveysTable;
    discussion_survey_children: DiscussionSurveyChildrenTable;
    discussion_slots: DiscussionSlotsTable;
    discussion_bookings: DiscussionBookingsTable;
    daycare_events: DaycareEventsTable;
  }
}
