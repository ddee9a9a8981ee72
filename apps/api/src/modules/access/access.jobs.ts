import { sql } from 'kysely';
import { asSystem, type Database } from '../../platform/db/database.js';
import type { DoorAdapterKind } from '../../platform/db/schema.js';
import type { Job, JobHandler } from '../../platform/jobs/worker.js';
import { ACCESS_INSTALL, ACCESS_REMOVE } from './access.grants.js';
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

/**
 * The job handlers of door access: deliver a grant's install or removal through the door's
 * adapter. Reading the grant, calling the door system and recording the result are three
 * separate steps, so no transaction is held open across the network call.
 */
export function accessHandlers(
  db: Database,
  adapters: Partial<Record<DoorAdapterKind, DoorAdapter>>,
): Record<string, JobHandler> {
  const load = (job: Job) =>
    asSystem(db, async (tx) => {
      const result = await sql<repo.GrantRow & { adapter: DoorAdapterKind; slug: string }>`
        select g.*, d.adapter, m.slug
        from access_grants g join doors d on d.id = g.door_id
        join municipalities m on m.id = g.municipality_id
        where g.id = ${grantId(job)}`.execute(tx);
      return result.rows[0];
    });

  const deliver = (type: 'install' | 'remove'): JobHandler => {
    const state = type === 'install' ? 'requested' : 'removal_requested';
    return async (job) => {
      const grant = await load(job);
      // The grant has moved on since the job was queued (confirmed by the door, or its
      // booking changed and another job carries the new operation): nothing to do.
      if (!grant || grant.state !== state) return;
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
        await asSystem(db, (tx) =>
          sql`update access_grants set attempts = ${job.attempts}, last_error = null,
                updated_at = now() where id = ${grant.id} and state = ${state}`.execute(tx),
        );
      } catch (error) {
        // Staff see the attempts and the reason while the job is still being retried.
        const message = error instanceof Error ? error.message : String(error);
        await asSystem(db, (tx) =>
          sql`update access_grants set attempts = ${job.attempts},
                last_error = ${message.slice(0, 500)}, updated_at = now()
              where id = ${grant.id} and state = ${state}`.execute(tx),
        );
        throw error;
      }
    };
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
    [`${ACCESS_INSTALL}.failed`]: failed('requested'),
    [`${ACCESS_REMOVE}.failed`]: failed('removal_requested'),
  };
}
