import { sql } from 'kysely';
import { containsPattern, type Tx } from '../../platform/db/database.js';
import type { ReservationStatus, ResourceKind } from '../../platform/db/schema.js';

export const RESOURCE_COLUMNS = [
  'id',
  'kind',
  'name_fi',
  'name_sv',
  'name_en',
  'description_fi',
  'description_sv',
  'description_en',
  'location',
  'capacity',
  'accessible',
  'self_service',
  'booking_mode',
  'slot_min_minutes',
  'slot_max_minutes',
  'slot_step_minutes',
  'book_ahead_days',
  'buffer_minutes',
  'price_product_id',
  'cancel_free_hours',
] as const;

export interface ResourceFilter {
  q?: string;
  kind?: ResourceKind;
  minCapacity?: number;
  accessible?: boolean;
}

export async function listResources(tx: Tx, filter: ResourceFilter) {
  let q = tx.selectFrom('resources').select(RESOURCE_COLUMNS).where('active', '=', true);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.minCapacity) q = q.where('capacity', '>=', filter.minCapacity);
  if (filter.accessible) q = q.where('accessible', '=', true);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    q = q.where((eb) =>
      eb.or(
        (['name_fi', 'name_sv', 'name_en', 'location', 'description_fi'] as const).map((column) =>
          eb(column, 'ilike', pattern),
        ),
      ),
    );
  }
  return q.orderBy('name_fi').orderBy('id').execute();
}

export async function findResource(tx: Tx, id: string) {
  return tx
    .selectFrom('resources')
    .select(RESOURCE_COLUMNS)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

export type ResourceRow = NonNullable<Awaited<ReturnType<typeof findResource>>>;

export async function openIntervals(tx: Tx, resourceId: string, from: string, to: string) {
  const result = await sql<{ opens_at: Date; closes_at: Date }>`
    select opens_at, closes_at from resource_open_intervals(${resourceId}, ${from}::date, ${to}::date)`.execute(
    tx,
  );
  return result.rows;
}

/** Does one opening interval hold the whole span? */
export async function isWithinOpeningHours(
  tx: Tx,
  resourceId: string,
  start: Date,
  end: Date,
  localDay: string,
): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`
    select exists (
      select 1 from resource_open_intervals(${resourceId}, ${localDay}::date - 1, ${localDay}::date)
      where opens_at <= ${start} and closes_at >= ${end}
    ) as ok`.execute(tx);
  return result.rows[0]?.ok === true;
}

export interface BusyRow {
  id: string;
  start: Date;
  end: Date;
  buffer_end: Date;
  person_id: string | null;
  kind: 'booking' | 'block';
  status: ReservationStatus;
}

/**
 * Active reservations (the time they take, buffer included) overlapping a span, of the
 * transaction's municipality (migration 0010 says why this is a function).
 */
export async function busyBetween(tx: Tx, resourceId: string, from: Date, to: Date) {
  const result = await sql<BusyRow>`
    select id, start, "end", buffer_end, person_id, kind, status
    from resource_busy(${resourceId}, ${from}, ${to})`.execute(tx);
  return result.rows;
}

export interface NewReservation {
  municipalityId: string;
  resourceId: string;
  kind: 'booking' | 'block';
  personId: string | null;
  start: Date;
  end: Date;
  bufferMinutes: number;
  status: ReservationStatus;
  purpose: string;
  attendees: number | null;
  seriesId?: string | null;
  heldUntil?: Date | null;
  priceCents?: number;
  vatRateBp?: number;
  /** The organisation the booking was made for (its buyer). */
  organisationId?: string | null;
  /** The version of the facility's terms the booker accepted. */
  termsVersion?: number | null;
}

export async function insertReservation(tx: Tx, r: NewReservation): Promise<string> {
  const result = await sql<{ id: string }>`
    insert into reservations (municipality_id, resource_id, kind, person_id, during, blocks,
                              status, purpose, attendees, series_id, held_until, price_cents,
                              vat_rate_bp, organisation_id, terms_version)
    values (${r.municipalityId}, ${r.resourceId}, ${r.kind}, ${r.personId},
            tstzrange(${r.start}, ${r.end}),
            tstzrange(${r.start}, ${r.end}::timestamptz + make_interval(mins => ${r.bufferMinutes})),
            ${r.status}, ${r.purpose}, ${r.attendees}, ${r.seriesId ?? null}, ${r.heldUntil ?? null},
            ${r.priceCents ?? 0}, ${r.vatRateBp ?? 0}, ${r.organisationId ?? null},
            ${r.termsVersion ?? null})
    returning id`.execute(tx);
  return result.rows[0]!.id;
}

export interface ReservationRow {
  id: string;
  resource_id: string;
  kind: 'booking' | 'block';
  person_id: string | null;
  booker_name: string | null;
  start: Date;
  end: Date;
  status: ReservationStatus;
  purpose: string;
  attendees: number | null;
  decision_reason: string | null;
  cancel_reason: string | null;
  series_id: string | null;
  created_at: Date;
  held_until: Date | null;
  price_cents: number;
  cancel_free_hours: number;
  /** The status of the order the booking is (or was) paid in. */
  order_status: 'cart' | 'pending' | 'invoiced' | 'paid' | 'cancelled' | null;
  refunded_cents: number;
  /** 'credit' when what was given back was taken off an unpaid invoice. */
  refund_kind: 'refund' | 'credit' | null;
  name_fi: string;
  name_sv: string;
  name_en: string;
  location: string;
  /** The door PIN of a self-service booking (modules/access), when it has one. */
  access_pin: string | null;
  access_valid_from: Date | null;
  access_valid_until: Date | null;
  organisation_id: string | null;
  organisation_name: string | null;
  terms_version: number | null;
}

const reservationSelect = sql`
  select r.id, r.resource_id, r.kind, r.person_id, p.name as booker_name,
         lower(r.during) as start, upper(r.during) as end, r.status, r.purpose, r.attendees,
         r.decision_reason, r.cancel_reason, r.series_id, r.created_at, r.held_until, r.price_cents,
         r.terms_version,
         s.cancel_free_hours, s.name_fi, s.name_sv, s.name_en, s.location,
         (select o.status from order_lines l join orders o on o.id = l.order_id
          where l.reservation_id = r.id) as order_status,
         (select coalesce(sum(f.amount_cents), 0)::int from refunds f
          where f.reservation_id = r.id and f.status <> 'failed') as refunded_cents,
         (select f.kind from refunds f
          where f.reservation_id = r.id and f.status <> 'failed' limit 1) as refund_kind,
         g.pin as access_pin, g.valid_from as access_valid_from, g.valid_until as access_valid_until,
         r.organisation_id, o.name as organisation_name
  from reservations r
  join resources s on s.id = r.resource_id
  left join people p on p.id = r.person_id
  left join organisations o on o.id = r.organisation_id
  left join lateral (
    select pin, valid_from, valid_until from access_grants
    where reservation_id = r.id and wanted = 'installed' order by created_at limit 1
  ) g on true`;

export async function findReservation(tx: Tx, id: string, lock = false) {
  const result = await sql<ReservationRow>`${reservationSelect} where r.id = ${id} ${
    lock ? sql`for update of r` : sql``
  }`.execute(tx);
  return result.rows[0];
}

export async function reservationsOfPerson(tx: Tx, personId: string) {
  const result = await sql<ReservationRow>`${reservationSelect}
    where r.person_id = ${personId} and r.kind = 'booking'
    order by lower(r.during) desc limit 200`.execute(tx);
  return result.rows;
}

export async function reservationsForStaff(tx: Tx, status: ReservationStatus | null, from: Date) {
  const result = await sql<ReservationRow>`${reservationSelect}
    where (${status}::text is null or r.status = ${status}) and upper(r.during) >= ${from}
    order by lower(r.during) limit 500`.execute(tx);
  return result.rows;
}

/** Staff's decision on a request: confirmed or denied, with the reason told to the booker. */
export async function decide(
  tx: Tx,
  id: string,
  status: 'held' | 'confirmed' | 'denied',
  by: string,
  reason: string | null,
  heldUntil: Date | null = null,
) {
  await tx
    .updateTable('reservations')
    .set({ status, decided_by: by, decision_reason: reason, held_until: heldUntil })
    .where('id', '=', id)
    .execute();
}

export async function cancel(tx: Tx, id: string, reason: string | null) {
  await tx
    .updateTable('reservations')
    .set({ status: 'cancelled', cancel_reason: reason, cancelled_at: new Date(), held_until: null })
    .where('id', '=', id)
    .execute();
}

/** The same local weekday and time every week: the starts and ends of the occurrences. */
export async function weeklyOccurrences(
  tx: Tx,
  localDay: string,
  startMinute: number,
  minutes: number,
  until: string,
) {
  const result = await sql<{ start: Date; end: Date }>`
    select (d + make_interval(mins => ${startMinute})) at time zone 'Europe/Helsinki' as start,
           (d + make_interval(mins => ${startMinute + minutes})) at time zone 'Europe/Helsinki' as end
    from generate_series(${localDay}::timestamp, ${until}::timestamp, interval '7 days') as d
    order by 1`.execute(tx);
  return result.rows;
}
