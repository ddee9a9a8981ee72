import { sql } from 'kysely';
import { asSystem, type Database, type Tx } from '../../platform/db/database.js';
import type { DoorAdapterKind } from '../../platform/db/schema.js';
import type { Job, JobHandler } from '../../platform/jobs/worker.js';
import {
  ACCESS_INSTALL,
  ACCESS_JOB_ATTEMPTS,
  ACCESS_REMOVE,
  confirmWaitMs,
} from './access.grants.js';
import { grantsTopic, type MqttDoorBus } from './access.mqtt.js';
import type * as repo from './access.repo.js';

/** The message a door controller gets for one grant. It keys grants by grantId. */
export interface GrantMessage {
  type: 'install' | 'remove';
  grantId: string;
  pin: string;
  validFrom: string;
  validUntil: string;
}

/**
 * A door system that Helppo pushes grants to. deliver() resolves once the door system has
 * taken the message (for MQTT: the broker's acknowledgement); the door's own confirmation comes
 * later as an event and moves the grant to installed or removed. It throws when the door system
 * cannot be reached, and the job is retried.
 */
export interface DoorAdapter {
  deliver(target: { slug: string; doorId: string }, message: GrantMessage): Promise<void>;
}

export function mqttAdapter(bus: MqttDoorBus | null): DoorAdapter {
  return {
    async deliver(target, message) {
      if (!bus) throw new Error('MQTT_URL is not set: MQTT doors cannot be reached');
      await bus.publish(grantsTopic(target.slug, target.doorId), message);
    },
  };
}

const grantId = (job: Job) => (job.payload as { grantId: string }).grantId;

/** A pushed grant the door did not confirm: looked at again (and sent again) by this job. */
export const ACCESS_AWAIT_INSTALL = 'access.awaitInstall';
export const NEVER_CONFIRMED = 'the door did not confirm the grant before its validity ended';

type LoadedGrant = repo.GrantRow & { adapter: DoorAdapterKind; slug: string };

/**
 * Look at an unconfirmed grant again after confirmWaitMs(round), or at the end of its
 * validity if that comes first. One such job per grant at a time (a grant re-requested while
 * one waits needs no second), so a grant is never sent twice as often as the backoff says.
 */
async function awaitConfirmation(tx: Tx, grant: LoadedGrant, round: number, thisJob: number) {
  const runAt = new Date(Math.min(Date.now() + confirmWaitMs(round), grant.valid_until.getTime()));
  await sql`
    insert into jobs (kind, payload, municipality_id, run_at, max_attempts)
    select ${ACCESS_AWAIT_INSTALL}, ${JSON.stringify({ grantId: grant.id, round })}::jsonb,
           ${grant.municipality_id}, ${runAt}, ${ACCESS_JOB_ATTEMPTS}
    where not exists (
      select 1 from jobs where kind = ${ACCESS_AWAIT_INSTALL} and id <> ${thisJob}
        and payload->>'grantId' = ${grant.id} and done_at is null and failed_at is null)`.execute(
    tx,
  );
}

/**
 * The job handlers of door access: deliver a grant's install or removal through the door's
 * adapter, and send an install again while the door does not confirm it. Reading the grant,
 * calling the door system and recording the result are separate steps, so no transaction is
 * held open across the network call.
 */
export function accessHandlers(
  db: Database,
  adapters: Partial<Record<DoorAdapterKind, DoorAdapter>>,
): Record<string, JobHandler> {
  const load = (job: Job) =>
    asSystem(db, async (tx) => {
      const result = await sql<LoadedGrant>`
        select g.*, d.adapter, m.slug
        from access_grants g join doors d on d.id = g.door_id
        join municipalities m on m.id = g.municipality_id
        where g.id = ${grantId(job)}`.execute(tx);
      return result.rows[0];
    });

  /**
   * Send one message and record the attempt (count and error, which staff see while it is
   * retried) while the grant still wants the same operation — the door may have confirmed it
   * already, before this is recorded. `then` runs in the same transaction while the grant
   * still waits for the door.
   */
  const send = async (
    grant: LoadedGrant,
    type: 'install' | 'remove',
    attempts: number | 'next',
    then: (tx: Tx) => Promise<void> = async () => undefined,
  ) => {
    const state = type === 'install' ? 'requested' : 'removal_requested';
    const wanted = type === 'install' ? 'installed' : 'removed';
    const count = attempts === 'next' ? sql`attempts + 1` : sql`${attempts}`;
    const adapter = adapters[grant.adapter];
    try {
      if (!adapter) throw new Error(`no adapter for ${grant.adapter} doors`);
      await adapter.deliver(
        { slug: grant.slug, doorId: grant.door_id },
        {
          type,
          grantId: grant.id,
          pin: grant.pin,
          validFrom: grant.valid_from.toISOString(),
          validUntil: grant.valid_until.toISOString(),
        },
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await asSystem(db, (tx) =>
        sql`update access_grants set attempts = ${count},
              last_error = ${message.slice(0, 500)}, updated_at = now()
            where id = ${grant.id} and state = ${state}`.execute(tx),
      );
      throw error;
    }
    await asSystem(db, async (tx) => {
      const recorded = await sql<{ state: string }>`update access_grants
          set attempts = ${count}, last_error = null, updated_at = now()
          where id = ${grant.id} and wanted = ${wanted} and state in (${state}, ${wanted})
          returning state`.execute(tx);
      if (recorded.rows[0]?.state === state) await then(tx);
    });
  };

  const deliver = (type: 'install' | 'remove'): JobHandler => {
    const state = type === 'install' ? 'requested' : 'removal_requested';
    return async (job) => {
      const grant = await load(job);
      // The grant has moved on since the job was queued (confirmed by the door, or its
      // booking changed and another job carries the new operation): nothing to do.
      if (!grant || grant.state !== state) return;
      await send(grant, type, job.attempts, (tx) =>
        // A broker's acknowledgement is not the door's: wait for the door to confirm.
        type === 'install' ? awaitConfirmation(tx, grant, 0, job.id) : Promise.resolve(),
      );
    };
  };

  /**
   * The door has not confirmed an install (a controller offline on a clean MQTT session
   * never gets a message sent meanwhile): send it again, waiting twice as long each time,
   * until the door confirms it or its validity ends; then it is failed for staff to see.
   */
  const resend: JobHandler = async (job) => {
    const { round = 0 } = job.payload as { round?: number };
    const grant = await load(job);
    if (!grant || grant.state !== 'requested' || grant.wanted !== 'installed') return;
    if (grant.valid_until.getTime() <= Date.now()) {
      await asSystem(db, (tx) =>
        sql`update access_grants set state = 'failed', last_error = ${NEVER_CONFIRMED},
              updated_at = now() where id = ${grant.id} and state = 'requested'`.execute(tx),
      );
      return;
    }
    await send(grant, 'install', 'next', (tx) => awaitConfirmation(tx, grant, round + 1, job.id));
  };

  const failed =
    (state: 'requested' | 'removal_requested'): JobHandler =>
    async (job) => {
      await asSystem(db, (tx) =>
        sql`update access_grants set state = 'failed', updated_at = now()
            where id = ${grantId(job)} and state = ${state}`.execute(tx),
      );
    };

  return {
    [ACCESS_INSTALL]: deliver('install'),
    [ACCESS_REMOVE]: deliver('remove'),
    [ACCESS_AWAIT_INSTALL]: resend,
    [`${ACCESS_INSTALL}.failed`]: failed('requested'),
    [`${ACCESS_REMOVE}.failed`]: failed('removal_requested'),
    [`${ACCESS_AWAIT_INSTALL}.failed`]: failed('requested'),
  };
}
