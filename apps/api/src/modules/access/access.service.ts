import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inTenant } from '../../platform/db/database.js';
import type { AccessGrantState, DoorAdapterKind } from '../../platform/db/schema.js';
import { audit } from '../../platform/audit/audit.js';
import { hashToken } from '../../platform/auth/session.repo.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { requireRole, type Ctx } from '../../platform/http/context.js';
import { removeDoorGrants, retryGrant, syncResourceGrants } from './access.grants.js';
import { eventsTopic, grantsTopic } from './access.mqtt.js';
import * as repo from './access.repo.js';

export { accessPinText, syncAccessGrant } from './access.grants.js';

const STAFF = ['facility_admin', 'admin'] as const;

/** A door controller's secret: 256 random bits, shown once; only its hash is kept. */
const newToken = () => {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
};

function toDoorView(
  ctx: Ctx,
  row: repo.DoorRow & { name_fi: string; name_sv: string; name_en: string },
) {
  return {
    id: row.id,
    resourceId: row.resource_id,
    resourceName: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    name: row.name,
    adapter: row.adapter,
    // Where the controller is told what to do and answers: MQTT topics, or the pull address.
    grantsTopic: row.adapter === 'mqtt' ? grantsTopic(ctx.municipality.slug, row.id) : null,
    eventsTopic: row.adapter === 'mqtt' ? eventsTopic(ctx.municipality.slug, row.id) : null,
    pullUrl:
      row.adapter === 'http_pull'
        ? `${ctx.baseUrl}/api/${ctx.municipality.slug}/access/doors/${row.id}/grants`
        : null,
    tokenCreatedAt: row.token_created_at?.toISOString() ?? null,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    active: row.active,
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
  };
}

export async function listDoors(ctx: Ctx) {
  requireRole(ctx, ...STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) =>
    (await repo.listDoors(tx)).map((row) => toDoorView(ctx, row)),
  );
}

async function doorView(ctx: Ctx, tx: Parameters<typeof repo.listDoors>[0], id: string) {
  const row = (await repo.listDoors(tx)).find((door) => door.id === id);
  if (!row) throw notFound();
  return toDoorView(ctx, row);
}

/**
 * A new door of a resource. The resource's coming confirmed bookings get their grants on it
 * at once (through the same syncAccessGrant as every booking change).
 */
export async function createDoor(
  ctx: Ctx,
  input: { resourceId: string; name: string; adapter: DoorAdapterKind },
) {
  requireRole(ctx, ...STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const resource = await tx
      .selectFrom('resources')
      .select(['id', 'self_service'])
      .where('id', '=', input.resourceId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (!resource) throw notFound();
    if (!resource.self_service) throw new AppError(422, 'notSelfService');
    const secret = input.adapter === 'http_pull' ? newToken() : null;
    const { id } = await tx
      .insertInto('doors')
      .values({
        municipality_id: ctx.municipality.id,
        resource_id: resource.id,
        name: input.name.trim(),
        adapter: input.adapter,
        token_hash: secret?.hash ?? null,
        token_created_at: secret ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bookings = await syncResourceGrants(tx, ctx.municipality.id, resource.id);
    await audit(tx, ctx, 'access.door.create', `door:${id}`, {
      resourceId: resource.id,
      adapter: input.adapter,
      grants: bookings,
    });
    return { door: await doorView(ctx, tx, id), token: secret?.token ?? null };
  });
}

/**
 * Take a door out of use (its grants still to be valid are asked to be removed, and it gets no
 * new ones) or back into use (the facility's coming bookings get their grants on it again,
 * with their PINs). Setting the state a door already has changes nothing.
 */
export async function setDoorActive(ctx: Ctx, doorId: string, active: boolean) {
  requireRole(ctx, ...STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const door = await tx
      .selectFrom('doors')
      .innerJoin('resources', 'resources.id', 'doors.resource_id')
      .select([
        'doors.id',
        'doors.adapter',
        'doors.active',
        'doors.resource_id',
        'resources.self_service',
        'resources.active as resource_active',
      ])
      .where('doors.id', '=', doorId)
      .forUpdate('doors')
      .executeTakeFirst();
    if (!door) throw notFound();
    if (door.active !== active) {
      if (active && (!door.self_service || !door.resource_active))
        throw new AppError(422, 'notSelfService');
      await tx
        .updateTable('doors')
        .set(active ? { active } : { active, deactivated_at: sql<Date>`now()` })
        .where('id', '=', door.id)
        .execute();
      const grants = active
        ? await syncResourceGrants(tx, ctx.municipality.id, door.resource_id)
        : await removeDoorGrants(tx, door);
      await audit(
        tx,
        ctx,
        active ? 'access.door.activate' : 'access.door.deactivate',
        `door:${door.id}`,
        {
          grants,
        },
      );
    }
    return doorView(ctx, tx, door.id);
  });
}

/** A new token for an http_pull door; the old one stops working at once. */
export async function rotateDoorToken(ctx: Ctx, doorId: string) {
  requireRole(ctx, ...STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const door = await repo.findDoor(tx, doorId);
    if (!door) throw notFound();
    if (door.adapter !== 'http_pull') throw new AppError(422, 'doorHasNoToken');
    const secret = newToken();
    await tx
      .updateTable('doors')
      .set({ token_hash: secret.hash, token_created_at: new Date() })
      .where('id', '=', door.id)
      .execute();
    await audit(tx, ctx, 'access.door.rotateToken', `door:${door.id}`);
    return { door: await doorView(ctx, tx, door.id), token: secret.token };
  });
}

export async function listGrants(ctx: Ctx, state: AccessGrantState | null) {
  requireRole(ctx, ...STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await repo.grantsForStaff(tx, state);
    await audit(tx, ctx, 'access.grant.list', null, { state, count: rows.length });
    return rows.map(toGrantView);
  });
}

function toGrantView(row: Awaited<ReturnType<typeof repo.grantsForStaff>>[number]) {
  return {
    id: row.id,
    reservationId: row.reservation_id,
    resourceName: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    doorId: row.door_id,
    doorName: row.door_name,
    adapter: row.adapter,
    bookerName: row.booker_name,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    validFrom: row.valid_from.toISOString(),
    validUntil: row.valid_until.toISOString(),
    wanted: row.wanted,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Staff's retry of a failed grant: its install or removal is tried again from the start. */
export async function retryAccessGrant(ctx: Ctx, grantId: string) {
  requireRole(ctx, ...STAFF);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const grant = await repo.findGrant(tx, grantId);
    if (!grant) throw notFound();
    if (grant.state !== 'failed') throw new AppError(409, 'grantNotFailed');
    // A removal may be retried on a door out of use; an install would never be wanted there.
    const door = await repo.findDoor(tx, grant.door_id, { inactive: true });
    if (!door || (!door.active && grant.wanted === 'installed'))
      throw new AppError(409, 'grantNotFailed');
    await retryGrant(tx, grant, door.adapter);
    await audit(tx, ctx, 'access.grant.retry', `grant:${grant.id}`, { wanted: grant.wanted });
    return toGrantView((await repo.grantsForStaff(tx, null, grant.id))[0]!);
  });
}
