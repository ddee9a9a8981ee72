import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/database.js';
import type { DoorAdapterKind } from '../../platform/db/schema.js';
import { enqueueJob } from '../../platform/jobs/queue.js';
import { translate, type Language } from '../../platform/i18n/messages.js';
import { TIME_ZONE } from '../../platform/i18n/time.js';
import * as repo from './access.repo.js';

export const ACCESS_INSTALL = 'access.install';
export const ACCESS_REMOVE = 'access.remove';
/**
 * Backoff doubles from 2 s (platform/jobs/worker.ts): ten attempts keep trying for about
 * 17 minutes, long enough for a broker restart, short enough that staff hear of a real outage
 * well before the booking. Staff can retry a failed grant.
 */
export const ACCESS_JOB_ATTEMPTS = 10;

/**
 * Adapters that Helppo pushes grants through (a job per change); the others are pulled by the
 * door controller, which needs no job: the grant waits in the database until it asks.
 */
export const PUSHED: Record<DoorAdapterKind, boolean> = { mqtt: true, http_pull: false };

export interface AccessSettings {
  pinBeforeMinutes: number;
  pinAfterMinutes: number;
  /** How long a pushed grant waits for the door's confirmation before it is sent again. */
  confirmSeconds: number;
}

// The booking code calls syncAccessGrant(tx, municipality, reservation) from many places, so
// the installation-wide validity margins are set once at boot (createRuntime) instead of being
// passed down every call chain. The defaults are those of config.ts.
let settings: AccessSettings = { pinBeforeMinutes: 15, pinAfterMinutes: 15, confirmSeconds: 60 };

export function configureAccess(next: AccessSettings) {
  settings = { ...next };
}

/** The wait before the n-th re-send (0: the first) of an unconfirmed grant: doubling, ≤ 1 h. */
export const confirmWaitMs = (round: number) =>
  Math.min(3_600_000, settings.confirmSeconds * 1000 * 2 ** Math.min(round, 20));

/** Codes a person guesses first: one digit six times, or a run such as 123456 or 987654. */
const isWeak = (pin: string) =>
  /^(\d)\1{5}$/.test(pin) || '0123456789'.includes(pin) || '9876543210'.includes(pin);

/**
 * A random 6-digit PIN (crypto.randomInt) that no other grant of the doors uses during the
 * window, so that a door log tells bookers apart. Not a database constraint: two bookings
 * sharing a code for the few overlapping minutes of their margins would both be entitled to
 * open the door then anyway, and the controllers key grants by grant id, not by PIN.
 */
async function pickPin(tx: Tx, doorIds: string[], from: Date, until: Date) {
  const taken = await repo.pinsInUse(tx, doorIds, from, until);
  for (;;) {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!taken.has(pin) && !isWeak(pin)) return pin;
  }
}

const enqueue = (tx: Tx, kind: string, grant: { id: string; municipality_id: string }) =>
  enqueueJob(
    tx,
    kind,
    { grantId: grant.id },
    { municipalityId: grant.municipality_id, maxAttempts: ACCESS_JOB_ATTEMPTS },
  );

/**
 * The one entry point of the booking code, called in the same transaction whenever a
 * reservation's status changes. It makes the door grants match the reservation: a confirmed
 * booking of a self-service resource has a grant on each active door of the resource (one PIN
 * for all of them); any other status (requested, held for payment, denied, cancelled) has none,
 * so existing grants are removed. Delivery is left to jobs (pushed adapters) or the door's next
 * pull, after commit: no network call happens inside the booking's transaction, and a door
 * system outage never fails a booking.
 */
export async function syncAccessGrant(
  tx: Tx,
  municipalityId: string,
  reservationId: string,
): Promise<void> {
  const result = await sql<{
    status: string;
    kind: string;
    resource_id: string;
    self_service: boolean;
    start: Date;
    end: Date;
  }>`
    select r.status, r.kind, r.resource_id, s.self_service, lower(r.during) as start,
           upper(r.during) as end
    from reservations r join resources s on s.id = r.resource_id
    where r.id = ${reservationId} and r.municipality_id = ${municipalityId}`.execute(tx);
  const reservation = result.rows[0];
  if (!reservation) return;
  const grants = await repo.grantsOfReservation(tx, reservationId);
  const validFrom = new Date(reservation.start.getTime() - settings.pinBeforeMinutes * 60_000);
  const validUntil = new Date(reservation.end.getTime() + settings.pinAfterMinutes * 60_000);
  const granting =
    reservation.status === 'confirmed' &&
    reservation.kind === 'booking' &&
    reservation.self_service &&
    validUntil.getTime() > Date.now();

  if (!granting) {
    for (const grant of grants.filter((g) => g.wanted === 'installed')) {
      await repo.setGrantState(tx, grant.id, {
        state: 'removal_requested',
        wanted: 'removed',
        attempts: 0,
        lastError: null,
      });
      const door = await repo.findDoor(tx, grant.door_id, { inactive: true });
      if (!door || PUSHED[door.adapter]) await enqueue(tx, ACCESS_REMOVE, grant);
    }
    return;
  }

  const doors = await repo.activeDoorsOfResource(tx, reservation.resource_id);
  let pin = grants.find((g) => g.wanted === 'installed')?.pin ?? grants[0]?.pin;
  for (const door of doors) {
    const existing = grants.find((g) => g.door_id === door.id);
    if (existing?.wanted === 'installed') continue;
    if (existing) {
      // Confirmed again after a removal: the same grant and PIN go back to the door.
      await tx
        .updateTable('access_grants')
        .set({ valid_from: validFrom, valid_until: validUntil })
        .where('id', '=', existing.id)
        .execute();
      await repo.setGrantState(tx, existing.id, {
        state: 'requested',
        wanted: 'installed',
        attempts: 0,
        lastError: null,
      });
      if (PUSHED[door.adapter]) await enqueue(tx, ACCESS_INSTALL, existing);
      continue;
    }
    pin ??= await pickPin(
      tx,
      doors.map((d) => d.id),
      validFrom,
      validUntil,
    );
    const grant = await tx
      .insertInto('access_grants')
      .values({
        municipality_id: municipalityId,
        reservation_id: reservationId,
        door_id: door.id,
        pin,
        valid_from: validFrom,
        valid_until: validUntil,
      })
      .returning(['id', 'municipality_id'])
      .executeTakeFirstOrThrow();
    if (PUSHED[door.adapter]) await enqueue(tx, ACCESS_INSTALL, grant);
  }
}

/**
 * Make the grants of a facility's coming bookings match its doors and its self-service flag
 * (a door added or taken back into use, self-service switched on or off), through the same
 * syncAccessGrant as every booking change. Returns how many bookings were looked at.
 */
export async function syncResourceGrants(tx: Tx, municipalityId: string, resourceId: string) {
  const coming = await sql<{ id: string }>`
    select id from reservations
    where resource_id = ${resourceId} and status = 'confirmed' and kind = 'booking'
      and upper(during) > now()
    order by lower(during)`.execute(tx);
  for (const reservation of coming.rows) {
    await syncAccessGrant(tx, municipalityId, reservation.id);
  }
  return coming.rows.length;
}

/**
 * A door taken out of use: its grants that are still to be valid are asked to be removed
 * (pushed to an MQTT door by a job; an HTTP pull door finds them in its next pull). Grants
 * whose validity has ended need nothing: the controller drops them by their validity.
 */
export async function removeDoorGrants(tx: Tx, door: { id: string; adapter: DoorAdapterKind }) {
  const grants = await tx
    .selectFrom('access_grants')
    .select(['id', 'municipality_id'])
    .where('door_id', '=', door.id)
    .where('wanted', '=', 'installed')
    .where('valid_until', '>', sql<Date>`now()`)
    .forUpdate()
    .execute();
  for (const grant of grants) {
    await repo.setGrantState(tx, grant.id, {
      state: 'removal_requested',
      wanted: 'removed',
      attempts: 0,
      lastError: null,
    });
    if (PUSHED[door.adapter]) await enqueue(tx, ACCESS_REMOVE, grant);
  }
  return grants.length;
}

/** The booker's PIN of a reservation, when its door grants are wanted on the doors. */
export async function reservationPin(tx: Tx, reservationId: string) {
  return tx
    .selectFrom('access_grants')
    .select(['pin', 'valid_from', 'valid_until'])
    .where('reservation_id', '=', reservationId)
    .where('wanted', '=', 'installed')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/** Put a failed grant back on its way: the operation that failed is tried again. */
export async function retryGrant(tx: Tx, grant: repo.GrantRow, adapter: DoorAdapterKind) {
  const install = grant.wanted === 'installed';
  await repo.setGrantState(tx, grant.id, {
    state: install ? 'requested' : 'removal_requested',
    attempts: 0,
    lastError: null,
  });
  if (PUSHED[adapter]) await enqueue(tx, install ? ACCESS_INSTALL : ACCESS_REMOVE, grant);
}

/**
 * The PIN paragraph of a booking's confirmation (notification and email), in the booker's
 * language; empty when the booking has no door grant.
 */
export async function accessPinText(tx: Tx, reservationId: string, language: Language) {
  const access = await reservationPin(tx, reservationId);
  if (!access) return '';
  const format = (date: Date) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    }).format(date);
  return `\n\n${translate(language, 'notification.accessPin', {
    pin: access.pin,
    from: format(access.valid_from),
    until: format(access.valid_until),
  })}`;
}
