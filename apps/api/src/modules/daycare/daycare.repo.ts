import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';

/** SQL shared by the daycare services. Dates go in and out as YYYY-MM-DD text. */

export const DEFAULT_CUTOFF = '09:00:00';

export async function absenceCutoff(tx: Tx): Promise<string> {
  const row = await tx
    .selectFrom('daycare_settings')
    .select(sql<string>`absence_cutoff::text`.as('cutoff'))
    .executeTakeFirst();
  return row?.cutoff ?? DEFAULT_CUTOFF;
}

export interface PlacementRow {
  id: string;
  child_id: string;
  unit_id: string;
  unit_name: string;
  unit_address: string;
  unit_phone: string;
  unit_email: string;
  operation_days: number[];
  group_id: string;
  group_name: string;
  start_date: string;
  end_date: string | null;
}

/** The placements of `childIds` that touch the days from `from` to `to` (to: null = ever after). */
export async function placementsOf(
  tx: Tx,
  childIds: string[],
  from: string,
  to: string | null,
): Promise<PlacementRow[]> {
  if (childIds.length === 0) return [];
  let q = tx
    .selectFrom('daycare_placements as p')
    .innerJoin('daycare_units as u', 'u.id', 'p.unit_id')
    .innerJoin('daycare_groups as g', 'g.id', 'p.group_id')
    .select([
      'p.id',
      'p.child_id',
      'p.unit_id',
      'u.name as unit_name',
      'u.address as unit_address',
      'u.phone as unit_phone',
      'u.email as unit_email',
      'u.operation_days',
      'p.group_id',
      'g.name as group_name',
      sql<string>`p.start_date::text`.as('start_date'),
      sql<string | null>`p.end_date::text`.as('end_date'),
    ])
    .where('p.child_id', 'in', childIds)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', from)]));
  if (to !== null) q = q.where('p.start_date', '<=', to);
  return q.orderBy('p.start_date').execute();
}

/** The placement of a child on a day, among rows from placementsOf. */
export function placementOn(rows: PlacementRow[], childId: string, day: string) {
  return rows.find(
    (p) =>
      p.child_id === childId && p.start_date <= day && (p.end_date === null || p.end_date >= day),
  );
}

/** The units where a person works (a membership of the unit or of one of its groups). */
export async function memberUnitIds(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('daycare_staff')
    .select('unit_id')
    .distinct()
    .where('person_id', '=', personId)
    .execute();
  return rows.map((r) => r.unit_id);
}

export async function findGroup(tx: Tx, groupId: string) {
  return tx
    .selectFrom('daycare_groups as g')
    .innerJoin('daycare_units as u', 'u.id', 'g.unit_id')
    .select(['g.id', 'g.name', 'g.unit_id', 'u.name as unit_name', 'u.operation_days'])
    .where('g.id', '=', groupId)
    .executeTakeFirst();
}

/**
 * Who is told of a child's absence on a day: the staff of the child's group that day; when the
 * group has nobody of its own, the staff of the whole unit. Only people who still hold the
 * daycare staff role, and never the reporter.
 */
export async function staffToTell(tx: Tx, groupId: string, unitId: string, exceptPersonId: string) {
  const rows = await tx
    .selectFrom('daycare_staff as s')
    .innerJoin('people', 'people.id', 's.person_id')
    .innerJoin('role_grants as r', (join) =>
      join.onRef('r.person_id', '=', 's.person_id').on('r.role', '=', 'daycare_staff'),
    )
    .select(['people.id', 'people.email', 'people.language', 's.group_id'])
    .distinct()
    .where('s.unit_id', '=', unitId)
    .where((eb) => eb.or([eb('s.group_id', '=', groupId), eb('s.group_id', 'is', null)]))
    .execute();
  const own = rows.filter((r) => r.group_id === groupId);
  const chosen = own.length > 0 ? own : rows.filter((r) => r.group_id === null);
  return [...new Map(chosen.map((r) => [r.id, r])).values()].filter((r) => r.id !== exceptPersonId);
}
