import { sql } from 'kysely';
import type { Tx } from '../db/database.js';
import type { Channel, Topic } from './topics.js';

export interface NewSubscription {
  municipalityId: string;
  personId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string;
}

/**
 * Store a browser's subscription. The same endpoint subscribed again (new keys, or another
 * person logged in on the same device) replaces the old row: the device gets one copy.
 */
export async function upsertSubscription(tx: Tx, s: NewSubscription): Promise<string> {
  const row = await tx
    .insertInto('push_subscriptions')
    .values({
      municipality_id: s.municipalityId,
      person_id: s.personId,
      endpoint: s.endpoint,
      p256dh: s.p256dh,
      auth: s.auth,
      user_agent: s.userAgent,
    })
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'endpoint']).doUpdateSet({
        person_id: s.personId,
        p256dh: s.p256dh,
        auth: s.auth,
        user_agent: s.userAgent,
        failure_count: 0,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The person's subscription of this endpoint with these keys, if stored already. */
export async function findSame(tx: Tx, s: Omit<NewSubscription, 'municipalityId' | 'userAgent'>) {
  const row = await tx
    .selectFrom('push_subscriptions')
    .select('id')
    .where('person_id', '=', s.personId)
    .where('endpoint', '=', s.endpoint)
    .where('p256dh', '=', s.p256dh)
    .where('auth', '=', s.auth)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function deleteSubscription(
  tx: Tx,
  personId: string,
  endpoint: string,
): Promise<string | null> {
  const row = await tx
    .deleteFrom('push_subscriptions')
    .where('person_id', '=', personId)
    .where('endpoint', '=', endpoint)
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function subscriptionsOf(tx: Tx, personIds: string[]) {
  if (personIds.length === 0) return [];
  return tx
    .selectFrom('push_subscriptions')
    .select(['id', 'person_id'])
    .where('person_id', 'in', personIds)
    .execute();
}

export async function countSubscriptions(tx: Tx, personId: string): Promise<number> {
  const row = await tx
    .selectFrom('push_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The switched-off (or back on) channels of these people for these topics. */
export async function preferencesOf(tx: Tx, personIds: string[], topics: Topic[]) {
  if (personIds.length === 0 || topics.length === 0) return [];
  return tx
    .selectFrom('notification_preferences')
    .select(['person_id', 'topic', 'channel', 'enabled'])
    .where('person_id', 'in', personIds)
    .where('topic', 'in', topics)
    .execute();
}

export async function setPreferences(
  tx: Tx,
  municipalityId: string,
  personId: string,
  list: { topic: Topic; channel: Channel; enabled: boolean }[],
): Promise<void> {
  if (list.length === 0) return;
  await tx
    .insertInto('notification_preferences')
    .values(
      list.map((p) => ({
        municipality_id: municipalityId,
        person_id: personId,
        topic: p.topic,
        channel: p.channel,
        enabled: p.enabled,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['person_id', 'municipality_id', 'topic', 'channel']).doUpdateSet({
        enabled: (eb) => eb.ref('excluded.enabled'),
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
