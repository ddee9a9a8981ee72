import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import type { FreePlaceAgeGroup } from '../../platform/db/schema.js';

/** SQL of the free-place alerts. */

export const FREE_PLACE_COLUMNS = [
  'f.id',
  'f.unit_id',
  'f.age_group',
  sql<string>`f.from_date::text`.as('from_date'),
  'f.places',
  'f.note',
] as const;

export type FreePlaceRow = {
  id: string;
  unit_id: string;
  age_group: FreePlaceAgeGroup;
  from_date: string;
  places: number;
  note: string;
};

export const toFreePlace = (row: FreePlaceRow) => ({
  id: row.id,
  unitId: row.unit_id,
  ageGroup: row.age_group,
  fromDate: row.from_date,
  places: row.places,
  note: row.note,
});

/** The records not ended yet of some units (all units: null), by unit, age group and date. */
export async function currentFreePlaces(tx: Tx, unitIds: string[] | null) {
  if (unitIds?.length === 0) return [];
  let q = tx
    .selectFrom('daycare_free_places as f')
    .select([...FREE_PLACE_COLUMNS, 'f.notified', 'f.created_at'])
    .where('f.ended_at', 'is', null);
  if (unitIds) q = q.where('f.unit_id', 'in', unitIds);
  return q.orderBy('f.unit_id').orderBy('f.age_group').orderBy('f.from_date').execute();
}

export async function findUnit(tx: Tx, unitId: string) {
  return tx
    .selectFrom('daycare_units')
    .select(['id', 'name'])
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** A person's live subscriptions, with their units' names. */
export async function subscriptionsOf(tx: Tx, personId: string) {
  return tx
    .selectFrom('daycare_free_place_subscriptions as s')
    .innerJoin('daycare_units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.unit_id', 'u.name as unit_name', 's.age_group', 's.created_at'])
    .where('s.person_id', '=', personId)
    .where('s.ended_at', 'is', null)
    .orderBy('u.name')
    .orderBy('s.age_group')
    .execute();
}

/** A subscription by its unsubscribe token, ended or not, locked for the change. */
export async function subscriptionByToken(tx: Tx, token: string) {
  return tx
    .selectFrom('daycare_free_place_subscriptions as s')
    .innerJoin('daycare_units as u', 'u.id', 's.unit_id')
    .select([
      's.id',
      's.person_id',
      's.unit_id',
      'u.name as unit_name',
      's.age_group',
      's.ended_at',
    ])
    .where('s.unsubscribe_token', '=', token)
    .forUpdate('s')
    .executeTakeFirst();
}

/** Whether the person has a live subscription to the unit and age group. */
export async function hasLiveSubscription(
  tx: Tx,
  personId: string,
  unitId: string,
  ageGroup: FreePlaceAgeGroup,
) {
  const row = await tx
    .selectFrom('daycare_free_place_subscriptions')
    .select('id')
    .where('person_id', '=', personId)
    .where('unit_id', '=', unitId)
    .where('age_group', '=', ageGroup)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Everyone to tell of free places in a unit's age group: the live subscribers. */
export async function subscribersOf(tx: Tx, unitId: string, ageGroup: FreePlaceAgeGroup) {
  return tx
    .selectFrom('daycare_free_place_subscriptions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['p.id', 'p.email', 'p.language', 's.unsubscribe_token'])
    .where('s.unit_id', '=', unitId)
    .where('s.age_group', '=', ageGroup)
    .where('s.ended_at', 'is', null)
    .orderBy('p.id')
    .execute();
}
