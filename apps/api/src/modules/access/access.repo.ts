import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import type { AccessGrantState, DoorAdapterKind } from '../../platform/db/schema.js';

export interface DoorRow {
  id: string;
  municipality_id: string;
  resource_id: string;
  name: string;
  adapter: DoorAdapterKind;
  token_created_at: Date | null;
  last_seen_at: Date | null;
  created_at: Date;
  active: boolean;
  deactivated_at: Date | null;
}

const DOOR_COLUMNS = [
  'id',
  'municipality_id',
  'resource_id',
  'name',
  'adapter',
  'token_created_at',
  'last_seen_at',
  'created_at',
  'active',
  'deactivated_at',
] as const;

export async function activeDoorsOfResource(tx: Tx, resourceId: string): Promise<DoorRow[]> {
  return tx
    .selectFrom('doors')
    .select(DOOR_COLUMNS)
    .where('resource_id', '=', resourceId)
    .where('active', '=', true)
    .orderBy('created_at')
    .execute();
}

/**
 * A door in use; with `inactive`, also one taken out of use (its controller still pulls and
 * confirms the removals of its grants, and staff may take it back into use).
 */
export async function findDoor(tx: Tx, id: string, options: { inactive?: boolean } = {}) {
  let q = tx
    .selectFrom('doors')
    .select([...DOOR_COLUMNS, 'token_hash'])
    .where('id', '=', id);
  if (!options.inactive) q = q.where('active', '=', true);
  return q.executeTakeFirst();
}

export async function listDoors(tx: Tx) {
  const result = await sql<DoorRow & { name_fi: string; name_sv: string; name_en: string }>`
    select d.id, d.municipality_id, d.resource_id, d.name, d.adapter, d.token_created_at,
           d.last_seen_at, d.created_at, d.active, d.deactivated_at,
           s.name_fi, s.name_sv, s.name_en
    from doors d join resources s on s.id = d.resource_id
    order by d.active desc, s.name_fi, d.name, d.id`.execute(tx);
  return result.rows;
}

export interface GrantRow {
  id: string;
  municipality_id: string;
  reservation_id: string;
  door_id: string;
  pin: string;
  valid_from: Date;
  valid_until: Date;
  wanted: 'installed' | 'removed';
  state: AccessGrantState;
  attempts: number;
  last_error: string | null;
  updated_at: Date;
}

const GRANT_COLUMNS = [
  'id',
  'municipality_id',
  'reservation_id',
  'door_id',
  'pin',
  'valid_from',
  'valid_until',
  'wanted',
  'state',
  'attempts',
  'last_error',
  'updated_at',
] as const;

export async function grantsOfReservation(tx: Tx, reservationId: string): Promise<GrantRow[]> {
  return tx
    .selectFrom('access_grants')
    .select(GRANT_COLUMNS)
    .where('reservation_id', '=', reservationId)
    .orderBy('created_at')
    .forUpdate()
    .execute();
}

export async function findGrant(tx: Tx, id: string) {
  return tx
    .selectFrom('access_grants')
    .select(GRANT_COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** PINs that are live on any of the doors during some part of a validity window. */
export async function pinsInUse(tx: Tx, doorIds: string[], from: Date, until: Date) {
  if (doorIds.length === 0) return new Set<string>();
  const rows = await tx
    .selectFrom('access_grants')
    .select('pin')
    .where('door_id', 'in', doorIds)
    .where('wanted', '=', 'installed')
    .where('valid_from', '<', until)
    .where('valid_until', '>', from)
    .execute();
  return new Set(rows.map((row) => row.pin));
}

export interface StaffGrantRow extends GrantRow {
  door_name: string;
  adapter: DoorAdapterKind;
  start: Date;
  end: Date;
  name_fi: string;
  name_sv: string;
  name_en: string;
  booker_name: string | null;
}

/**
 * Grants for staff: every failed one, and the others whose validity has not long ended. The
 * PIN is not selected: it belongs to the booker.
 */
export async function grantsForStaff(
  tx: Tx,
  state: AccessGrantState | null,
  grantId: string | null = null,
) {
  const result = await sql<Omit<StaffGrantRow, 'pin'>>`
    select g.id, g.municipality_id, g.reservation_id, g.door_id, g.valid_from, g.valid_until,
           g.wanted, g.state, g.attempts, g.last_error, g.updated_at,
           d.name as door_name, d.adapter, lower(r.during) as start, upper(r.during) as end,
           s.name_fi, s.name_sv, s.name_en, p.name as booker_name
    from access_grants g
    join doors d on d.id = g.door_id
    join reservations r on r.id = g.reservation_id
    join resources s on s.id = r.resource_id
    left join people p on p.id = r.person_id
    where (${state}::text is null or g.state = ${state})
      and (${grantId}::uuid is null or g.id = ${grantId})
      and (g.state = 'failed' or g.valid_until > now() - interval '7 days')
    order by (g.state = 'failed') desc, g.valid_from, g.id
    limit 500`.execute(tx);
  return result.rows;
}

/** Move a grant to a new state (with what it takes to get there), stamping the time. */
export async function setGrantState(
  tx: Tx,
  id: string,
  change: {
    state: AccessGrantState;
    wanted?: 'installed' | 'removed';
    attempts?: number;
    lastError?: string | null;
  },
) {
  await tx
    .updateTable('access_grants')
    .set({
      state: change.state,
      ...(change.wanted ? { wanted: change.wanted } : {}),
      ...(change.attempts !== undefined ? { attempts: change.attempts } : {}),
      ...(change.lastError !== undefined ? { last_error: change.lastError } : {}),
      ...(change.state === 'installed' ? { installed_at: sql<Date>`now()` } : {}),
      ...(change.state === 'removed' ? { removed_at: sql<Date>`now()` } : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}
