import { timingSafeEqual } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { sql } from 'kysely';
import { inTenant, type Tx } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { hashToken } from '../../platform/auth/session.repo.js';
import { AppError } from '../../platform/http/errors.js';
import type { Ctx } from '../../platform/http/context.js';
import * as repo from './access.repo.js';

/**
 * What a door controller reports about one grant, over MQTT (its events topic) or HTTP (the
 * acknowledgement endpoint): it now holds it, it dropped it, or it refused it (full memory, bad
 * data…), which makes the grant failed for staff to see.
 */
export const DoorEventSchema = Type.Object(
  {
    // A pattern rather than format: 'uuid', so that the MQTT path can check events with
    // TypeBox's Value.Check, which knows no formats, exactly as the HTTP path does with Ajv.
    grantId: Type.String({
      pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    }),
    status: Type.Union([
      Type.Literal('installed'),
      Type.Literal('removed'),
      Type.Literal('rejected'),
    ]),
    error: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DoorEvent = Static<typeof DoorEventSchema>;

/**
 * Apply a door's reports in a transaction of its municipality. A report moves a grant only
 * along the way Helppo wants it to go: a late "installed" for a grant that is being removed
 * changes nothing (the removal is on its way), and reports about another door's grants are
 * ignored. Returns how many grants changed.
 */
export async function applyDoorEvents(
  tx: Tx,
  door: { id: string; municipality_id: string },
  events: DoorEvent[],
  source: string,
): Promise<number> {
  let changed = 0;
  await sql`update doors set last_seen_at = now() where id = ${door.id}`.execute(tx);
  for (const event of events) {
    const grant = await repo.findGrant(tx, event.grantId);
    if (!grant || grant.door_id !== door.id) continue;
    const installing = grant.wanted === 'installed';
    const pending = installing ? ['requested', 'failed'] : ['removal_requested', 'failed'];
    if (!pending.includes(grant.state)) continue;
    if (event.status === 'rejected') {
      if (grant.state === 'failed') continue;
      await repo.setGrantState(tx, grant.id, {
        state: 'failed',
        lastError: `door: ${event.error ?? 'rejected'}`.slice(0, 500),
      });
    } else if (event.status === (installing ? 'installed' : 'removed')) {
      await repo.setGrantState(tx, grant.id, { state: event.status, lastError: null });
    } else continue;
    changed++;
    await audit(
      tx,
      { requestId: source, actor: null, municipality: { id: door.municipality_id } },
      `access.grant.${event.status}`,
      `grant:${grant.id}`,
      { doorId: door.id, error: event.error ?? null },
    );
  }
  return changed;
}

const unauthorized = () =>
  new AppError(401, 'doorUnauthenticated', {}, { 'www-authenticate': 'Bearer realm="door"' });

/**
 * The door controller of an http_pull door, known by its bearer token. An unknown door, a door
 * of another kind and a wrong token get the same 401, so the answer tells nothing of which
 * doors exist. Only SHA-256 of the (256-bit random) token is stored.
 */
async function authenticatedDoor(tx: Tx, doorId: string, authorization: string | undefined) {
  const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? '')?.[1];
  if (!token) throw unauthorized();
  // A door out of use still authenticates: it must fetch and confirm its removals.
  const door = await repo.findDoor(tx, doorId, { inactive: true });
  const expected = Buffer.from(door?.token_hash ?? '');
  const given = Buffer.from(hashToken(token));
  if (
    !door ||
    door.adapter !== 'http_pull' ||
    expected.length !== given.length ||
    !timingSafeEqual(expected, given)
  )
    throw unauthorized();
  return door;
}

/**
 * What the door must hold and what it must drop. The whole current set every time, so a
 * controller that lost its memory or missed an answer catches up on its next pull; grants
 * whose validity has ended are left out (the controller drops them by their validity).
 */
export async function pullGrants(ctx: Ctx, doorId: string, authorization: string | undefined) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const door = await authenticatedDoor(tx, doorId, authorization);
    await sql`update doors set last_seen_at = now() where id = ${door.id}`.execute(tx);
    const rows = await tx
      .selectFrom('access_grants')
      .select(['id', 'pin', 'valid_from', 'valid_until', 'wanted', 'state'])
      .where('door_id', '=', door.id)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('wanted', '=', 'installed'),
            eb.val(door.active),
            eb('state', 'in', ['requested', 'installed']),
            eb('valid_until', '>', sql<Date>`now()`),
          ]),
          eb('state', '=', 'removal_requested'),
        ]),
      )
      .orderBy('valid_from')
      .orderBy('id')
      .limit(1000)
      .execute();
    const view = (row: (typeof rows)[number]) => ({
      grantId: row.id,
      pin: row.pin,
      validFrom: row.valid_from.toISOString(),
      validUntil: row.valid_until.toISOString(),
    });
    return {
      doorId: door.id,
      install: rows.filter((row) => row.wanted === 'installed').map(view),
      remove: rows.filter((row) => row.wanted === 'removed').map(view),
    };
  });
}

export async function acknowledgeGrants(
  ctx: Ctx,
  doorId: string,
  authorization: string | undefined,
  events: DoorEvent[],
) {
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const door = await authenticatedDoor(tx, doorId, authorization);
    return { changed: await applyDoorEvents(tx, door, events, ctx.requestId) };
  });
}
