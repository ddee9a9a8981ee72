import webpush from 'web-push';
import { sql } from 'kysely';
import { asSystem, type Database, type Tx } from '../db/database.js';
import { enqueueJobs } from '../jobs/queue.js';
import type { Job, JobHandler } from '../jobs/worker.js';
import type { Config } from '../../config.js';
import { vapidKeys } from './vapid.js';
import * as repo from './push.repo.js';
import { DEFAULT_ENABLED, type Channel, type Topic } from './topics.js';

export const SEND_PUSH = 'push.send';

/** What a push says: the service worker shows the title and text and opens the link. */
export interface PushMessage {
  title: string;
  body: string;
  link: string | null;
}

/** RFC 8030 urgency: an urgent daycare message may wake a sleeping phone, others wait. */
export type Urgency = 'high' | 'normal';

interface PushJob extends PushMessage {
  subscriptionId: string;
  urgency: Urgency;
}

/** A push that cannot be delivered within a day is no longer worth showing. */
const TTL_SECONDS = 24 * 3600;
/** The retries (2 s … 4 min apart) fit well within the TTL. */
const MAX_ATTEMPTS = 8;

const shorten = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/**
 * Whether each person wants this channel for this topic: one query for a whole batch of
 * notices. A channel is on unless the person has switched it off.
 */
export async function channelChooser(
  tx: Tx,
  notices: { personId: string; topic: Topic }[],
): Promise<(personId: string, topic: Topic, channel: Channel) => boolean> {
  const rows = await repo.preferencesOf(
    tx,
    [...new Set(notices.map((n) => n.personId))],
    [...new Set(notices.map((n) => n.topic))],
  );
  const set = new Map(rows.map((r) => [`${r.person_id}/${r.topic}/${r.channel}`, r.enabled]));
  return (personId, topic, channel) =>
    set.get(`${personId}/${topic}/${channel}`) ?? DEFAULT_ENABLED;
}

/**
 * Queue a push to every device of each person, in the caller's transaction: the pushes go
 * out after commit, each retried with backoff by the job worker.
 */
export async function enqueuePushes(
  tx: Tx,
  municipalityId: string,
  pushes: { personId: string; message: PushMessage; urgency: Urgency }[],
): Promise<void> {
  if (pushes.length === 0) return;
  const subscriptions = await repo.subscriptionsOf(tx, [...new Set(pushes.map((p) => p.personId))]);
  if (subscriptions.length === 0) return;
  await enqueueJobs(
    tx,
    pushes.flatMap((push) =>
      subscriptions
        .filter((s) => s.person_id === push.personId)
        .map((s) => ({
          kind: SEND_PUSH,
          municipalityId,
          maxAttempts: MAX_ATTEMPTS,
          payload: {
            subscriptionId: s.id,
            urgency: push.urgency,
            // A push payload is at most 4 kB; the notice itself is in the app.
            title: shorten(push.message.title, 120),
            body: shorten(push.message.body, 240),
            link: push.message.link,
          } satisfies PushJob,
        })),
    ),
  );
}

/**
 * Delivery: RFC 8030 POST to the subscription's endpoint, signed with VAPID (RFC 8292) and
 * encrypted to the browser's keys (RFC 8291, aes128gcm), both by the web-push library. 404 or
 * 410 means the push service has dropped the subscription: it is deleted. Any other failure
 * is counted on the subscription and retried by the worker.
 */
export function pushHandlers(db: Database, config: Pick<Config, 'push'>) {
  const handlers: Record<string, JobHandler> = {
    [SEND_PUSH]: async (job: Job) => {
      const push = job.payload as PushJob;
      const subscription = await asSystem(db, (tx) =>
        tx
          .selectFrom('push_subscriptions')
          .select(['id', 'endpoint', 'p256dh', 'auth'])
          .where('id', '=', push.subscriptionId)
          .executeTakeFirst(),
      );
      if (!subscription) return; // unsubscribed in the meantime
      const keys = await vapidKeys(db, config);
      const request = webpush.generateRequestDetails(
        {
          endpoint: subscription.endpoint,
          keys: { p256dh: subscription.p256dh, auth: subscription.auth },
        },
        JSON.stringify({ title: push.title, body: push.body, link: push.link }),
        {
          vapidDetails: { subject: config.push.subject, ...keys },
          TTL: TTL_SECONDS,
          urgency: push.urgency,
          contentEncoding: 'aes128gcm',
        },
      );
      const headers = Object.fromEntries(
        Object.entries(request.headers)
          .filter(([name]) => name.toLowerCase() !== 'content-length')
          .map(([name, value]) => [name, String(value)]),
      );
      let status: number;
      try {
        const response = await fetch(request.endpoint, {
          method: 'POST',
          headers,
          body: request.body,
          // A push service answers; it does not send the server elsewhere.
          redirect: 'manual',
          signal: AbortSignal.timeout(15_000),
        });
        status = response.status;
        await response.body?.cancel();
      } catch (error) {
        await recordFailure(db, subscription.id);
        throw error;
      }
      if (status === 404 || status === 410) {
        await asSystem(db, (tx) =>
          tx.deleteFrom('push_subscriptions').where('id', '=', subscription.id).execute(),
        );
        return;
      }
      if (status < 200 || status >= 300) {
        await recordFailure(db, subscription.id);
        throw new Error(`push service answered ${status}`);
      }
      await asSystem(db, (tx) =>
        tx
          .updateTable('push_subscriptions')
          .set({ last_success_at: sql`now()`, failure_count: 0 })
          .where('id', '=', subscription.id)
          .execute(),
      );
    },
  };
  return handlers;
}

async function recordFailure(db: Database, id: string) {
  await asSystem(db, (tx) =>
    tx
      .updateTable('push_subscriptions')
      .set({ failure_count: sql`failure_count + 1` })
      .where('id', '=', id)
      .execute(),
  );
}
