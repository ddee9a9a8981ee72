import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import './discussions.db.js';

/** SQL of discussion times. Instants go out as Date, days as YYYY-MM-DD text. */

export interface SlotRow {
  id: string;
  survey_id: string;
  starts_at: Date;
  ends_at: Date;
  staff_id: string;
  staff_name: string;
  place: string;
  booking_id: string | null;
  child_id: string | null;
  booked_by: string | null;
}

/** A local Helsinki day and time as an instant, computed by the database. */
export const localMoment = (day: string, time: string) =>
  sql<Date>`((${day}::date + ${time}::time) at time zone 'Europe/Helsinki')`;

export async function findSurvey(tx: Tx, surveyId: string) {
  return tx
    .selectFrom('discussion_surveys as s')
    .innerJoin('daycare_units as u', 'u.id', 's.unit_id')
    .innerJoin('daycare_groups as g', 'g.id', 's.group_id')
    .select([
      's.id',
      's.unit_id',
      's.group_id',
      's.title',
      's.description',
      sql<string>`s.booking_deadline::text`.as('booking_deadline'),
      's.created_at',
      's.cancelled_at',
      'u.name as unit_name',
      'g.name as group_name',
    ])
    .where('s.id', '=', surveyId)
    .executeTakeFirst();
}
export type SurveyRow = NonNullable<Awaited<ReturnType<typeof findSurvey>>>;

/** The active slots of surveys with their active bookings, by time. */
export async function slotsOf(tx: Tx, surveyIds: string[]): Promise<SlotRow[]> {
  if (surveyIds.length === 0) return [];
  return tx
    .selectFrom('discussion_slots as sl')
    .innerJoin('people as staff', 'staff.id', 'sl.staff_id')
    .leftJoin('discussion_bookings as b', (join) =>
      join.onRef('b.slot_id', '=', 'sl.id').on('b.cancelled_at', 'is', null),
    )
    .select([
      'sl.id',
      'sl.survey_id',
      'sl.starts_at',
      'sl.ends_at',
      'sl.staff_id',
      'staff.name as staff_name',
      'sl.place',
      'b.id as booking_id',
      'b.child_id',
      'b.booked_by',
    ])
    .where('sl.survey_id', 'in', surveyIds)
    .where('sl.cancelled_at', 'is', null)
    .orderBy('sl.starts_at')
    .orderBy('staff.name')
    .execute();
}

/** The children a survey concerns, with names. */
export async function surveyChildren(tx: Tx, surveyId: string) {
  return tx
    .selectFrom('discussion_survey_children as sc')
    .innerJoin('children as c', 'c.id', 'sc.child_id')
    .select(['c.id', 'c.first_name', 'c.last_name'])
    .where('sc.survey_id', '=', surveyId)
    .orderBy('c.first_name')
    .orderBy('c.last_name')
    .execute();
}

/** The guardians of children, as notice recipients. */
export async function guardiansOf(tx: Tx, childIds: string[]) {
  if (childIds.length === 0) return [];
  return tx
    .selectFrom('guardianships as g')
    .innerJoin('people', 'people.id', 'g.person_id')
    .select(['g.child_id', 'people.id', 'people.email', 'people.language'])
    .where('g.child_id', 'in', childIds)
    .execute();
}

/** The staff of a unit (whole unit or one of its groups) who may hold discussions. */
export async function unitStaffMembers(tx: Tx, unitId: string) {
  return tx
    .selectFrom('daycare_staff as s')
    .innerJoin('people', 'people.id', 's.person_id')
    .select(['people.id', 'people.name'])
    .distinct()
    .where('s.unit_id', '=', unitId)
    .orderBy('people.name')
    .execute();
}

/** The memberships of a person in a unit: null is the whole unit, else a group id. */
export async function membershipsIn(tx: Tx, personId: string, unitId: string) {
  const rows = await tx
    .selectFrom('daycare_staff')
    .select('group_id')
    .where('person_id', '=', personId)
    .where('unit_id', '=', unitId)
    .execute();
  return rows.map((r) => r.group_id);
}

/** The PostgreSQL unique or exclusion constraint a failed statement broke, if any. */
export function brokenConstraint(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string } | null;
  if (e?.code !== '23505' && e?.code !== '23P01') return null;
  return e.constraint ?? 'unknown';
}
