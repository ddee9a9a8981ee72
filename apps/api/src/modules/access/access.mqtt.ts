import mqtt, { type MqttClient } from 'mqtt';
import { Value } from '@sinclair/typebox/value';
import type { FastifyBaseLogger } from 'fastify';
import { asSystem, type Database } from '../../platform/db/database.js';
import { applyDoorEvents, DoorEventSchema } from './access.doors.js';

/** Topics: helppo/<municipality slug>/doors/<door id>/grants (out) and …/events (in). */
export const TOPIC_PREFIX = 'helppo';
export const grantsTopic = (slug: string, doorId: string) =>
  `${TOPIC_PREFIX}/${slug}/doors/${doorId}/grants`;
export const eventsTopic = (slug: string, doorId: string) =>
  `${TOPIC_PREFIX}/${slug}/doors/${doorId}/events`;
const EVENTS_PATTERN = /^helppo\/([a-z][a-z0-9-]{1,39})\/doors\/([0-9a-f-]{36})\/events$/;

/** How long the broker has to acknowledge (PUBACK) a published grant. */
const PUBLISH_TIMEOUT_MS = 10_000;
/** How long a delivery waits for the outcome of the very first connection attempt. */
const CONNECT_WAIT_MS = 2000;

/**
 * Helppo's one connection to the MQTT broker of the door controllers: it publishes grants
 * (QoS 1: the broker acknowledges, and holds them for a controller with a persistent session
 * that is offline) and listens to the controllers' events. While the broker is unreachable,
 * publishing fails at once, so the job is retried later instead of piling up in memory here.
 */
export class MqttDoorBus {
  private client: MqttClient | null = null;
  private lastError = 'not connected yet';
  /** Whether the first connection attempt has had its outcome. */
  private settled = false;

  constructor(
    private readonly url: string,
    private readonly db: Database,
    private readonly log: FastifyBaseLogger,
  ) {}

  start() {
    const client = mqtt.connect(this.url, {
      clientId: `helppo-${process.pid}-${Math.random().toString(16).slice(2, 10)}`,
      reconnectPeriod: 2000,
      connectTimeout: 5000,
      // Events of the doors are handled by whichever Helppo process hears them; they are
      // idempotent, so every process may subscribe.
      clean: true,
    });
    const settle = () => {
      this.settled = true;
    };
    client.on('connect', settle);
    client.on('close', settle);
    client.on('error', settle);
    client.on('connect', () => {
      this.log.info({ broker: this.safeUrl() }, 'MQTT door bus connected');
      client.subscribe(`${TOPIC_PREFIX}/+/doors/+/events`, { qos: 1 }, (error) => {
        if (error) this.log.error({ err: error }, 'MQTT subscribe failed');
      });
    });
    client.on('error', (error) => {
      this.lastError = error.message;
    });
    client.on('close', () => {
      if (this.lastError === 'not connected yet') this.lastError = 'connection closed';
    });
    client.on('message', (topic, payload) => {
      void this.onMessage(topic, payload).catch((error: unknown) =>
        this.log.warn({ err: error, topic }, 'door event not applied'),
      );
    });
    this.client = client;
  }

  private safeUrl() {
    const url = new URL(this.url);
    url.username = '';
    url.password = '';
    return url.toString();
  }

  get connected() {
    return this.client?.connected === true;
  }

  /** Publish one message and wait for the broker's acknowledgement. */
  async publish(topic: string, message: object): Promise<void> {
    const client = this.client;
    if (client && !client.connected && !this.settled) await this.firstAttempt(client);
    if (!client?.connected) {
      throw new Error(`MQTT broker ${this.safeUrl()} not reachable: ${this.lastError}`);
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.publishAsync(topic, JSON.stringify(message), { qos: 1 }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('MQTT broker did not acknowledge in time')),
            PUBLISH_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Just after start the first connection attempt may still be under way: wait for its outcome
   * (at most a moment), so that the first deliveries do not fail for nothing. Later, while
   * disconnected, deliveries fail at once and their jobs are retried.
   */
  private firstAttempt(client: MqttClient) {
    return new Promise<void>((resolve) => {
      const events = ['connect', 'close', 'error'] as const;
      const done = () => {
        clearTimeout(timer);
        for (const event of events) client.off(event, done);
        resolve();
      };
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      for (const event of events) client.on(event, done);
    });
  }

  private async onMessage(topic: string, payload: Buffer) {
    const match = EVENTS_PATTERN.exec(topic);
    if (!match) return;
    const [, slug, doorId] = match;
    let event: unknown;
    try {
      event = JSON.parse(payload.toString('utf8'));
    } catch {
      this.log.warn({ topic }, 'door event is not JSON');
      return;
    }
    if (!Value.Check(DoorEventSchema, event)) {
      this.log.warn({ topic }, 'door event has the wrong shape');
      return;
    }
    // The municipality of the topic must own the door: a controller writes only its own topic
    // (broker ACL), and the door id alone must not reach into another municipality.
    await asSystem(this.db, async (tx) => {
      const door = await tx
        .selectFrom('doors')
        .innerJoin('municipalities', 'municipalities.id', 'doors.municipality_id')
        .select(['doors.id', 'doors.municipality_id'])
        .where('doors.id', '=', doorId!)
        .where('municipalities.slug', '=', slug!)
        .where('doors.adapter', '=', 'mqtt')
        .executeTakeFirst();
      if (door) await applyDoorEvents(tx, door, [event], `mqtt:${topic}`);
    });
  }

  async close() {
    await this.client?.endAsync(true);
    this.client = null;
  }
}
