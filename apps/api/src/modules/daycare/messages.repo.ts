import { sql } from 'kysely';
import { notifyAfterCommit, type Database, type Tx } from '../../platform/db/database.js';
import { listeningCache } from '../../platform/cache/invalidating-cache.js';
import {
  NOTIFICATION_CHANNEL,
  type NotificationEvent,
  streamCounterBatches,
  streamCounters,
} from '../../platform/notifications/hub.js';

/**
 * The unread counters of daycare messages. Every change goes through these functions, inside
 * the transaction that adds the message or the read mark, so the counters never drift from
 * the messages. Totals are changed in person order, so concurrent sends never deadlock.
 */

export async function unreadTotal(tx: Tx, personId: string): Promise<number> {
  const row = await tx
    .selectFrom('message_unread_totals')
    .select('unread')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.unread ?? 0;
}

streamCounters.set('messages', unreadTotal);
streamCounterBatches.set('messages', async (tx, personIds) => {
  const rows = await tx
    .selectFrom('message_unread_totals')
    .select(['person_id', 'unread'])
    .where('person_id', 'in', personIds)
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.unread]));
});

/**
 * The unread totals read on every badge request, kept in the process by person and
 * dropped by the `counter` announcements of `publishUnread` (this process's at commit,
 * other processes' through LISTEN): a read mark or a new message is never answered stale.
 */
export function unreadCache(db: Database) {
  return listeningCache<number>(
    db,
    'message-unread-totals',
    NOTIFICATION_CHANNEL,
    { ttlMs: 60_000, maxEntries: 50_000 },
    (payload) => {
      try {
        const event = JSON.parse(payload) as NotificationEvent;
        return event.kind === 'counter' && event.counter === 'messages'
          ? `${event.municipalityId}:${event.personId}`
          : null;
      } catch {
        return null;
      }
    },
  );
}

/**
 * A person's unread total in a municipality, from the cache or one statement on the pool (the
 * municipality is filtered explicitly, as row-level security would).
 */
export async function cachedUnreadTotal(
  db: Database,
  municipalityId: string,
  personId: string,
): Promise<number> {
  const key = `${municipalityId}:${personId}`;
  return unreadCache(db).get(key, async () => {
    const row = await db.kysely
      .selectFrom('message_unread_totals')
      .select('unread')
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return { value: row?.unread ?? 0, tags: [key] };
  });
}

/** Tell the live streams of these people that their message badge changed (after commit). */
export function publishUnread(tx: Tx, municipalityId: string, personIds: string[]) {
  for (const personId of new Set(personIds)) {
    notifyAfterCommit(
      tx,
      NOTIFICATION_CHANNEL,
      JSON.stringify({ municipalityId, personId, kind: 'counter', counter: 'messages' }),
    );
  }
}

/**
 * Lock the totals of every participant of a thread, in person order, before a change that
 * touches several of them (a reply changes the others' totals and the author's): every
 * transaction then takes totals in the same order, so two replies in threads that share
 * people cannot deadlock.
 */
export async function lockThreadTotals(tx: Tx, municipalityId: string, threadId: string) {
  await sql`select 1 from message_unread_totals
    where municipality_id = ${municipalityId}
      and person_id in (select person_id from thread_participants where thread_id = ${threadId})
    order by person_id
    for update`.execute(tx);
}

/** Add `by` to the totals of these people (one statement; rows made when missing). */
export async function addToTotals(
  tx: Tx,
  municipalityId: string,
  personIds: string[],
  by: number,
): Promise<void> {
  const ids = [...new Set(personIds)].sort();
  if (ids.length === 0 || by === 0) return;
  await sql`insert into message_unread_totals (municipality_id, person_id, unread)
    select ${municipalityId}::uuid, p, ${by}::int from unnest(${ids}::uuid[]) as p order by p
    on conflict (person_id, municipality_id)
    do update set unread = message_unread_totals.unread + excluded.unread`.execute(tx);
}

/**
 * A new message in a thread: every participant but the author gets one more unread, in the
 * thread and in total, and the thread comes back from their archive.
 */
export async function countNewMessage(
  tx: Tx,
  municipalityId: string,
  threadId: string,
  authorId: string,
): Promise<string[]> {
  const rows = await tx
    .updateTable('thread_participants')
    .set((eb) => ({ unread_count: eb('unread_count', '+', 1), archived_at: null }))
    .where('thread_id', '=', threadId)
    .where('person_id', '<>', authorId)
    .returning('person_id')
    .execute();
  const ids = rows.map((r) => r.person_id);
  await addToTotals(tx, municipalityId, ids, 1);
  publishUnread(tx, municipalityId, ids);
  return ids;
}

/** Read: the thread's counter to 0 and the same amount off the total. Returns what was unread. */
export async function markRead(
  tx: Tx,
  municipalityId: string,
  threadId: string,
  personId: string,
): Promise<number> {
  const row = await tx
    .selectFrom('thread_participants')
    .select('unread_count')
    .where('thread_id', '=', threadId)
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
  const unread = row?.unread_count ?? 0;
  await tx
    .updateTable('thread_participants')
    .set({ unread_count: 0, last_read_at: sql`now()` })
    .where('thread_id', '=', threadId)
    .where('person_id', '=', personId)
    .execute();
  if (unread > 0) {
    await tx
      .updateTable('message_unread_totals')
      .set((eb) => ({ unread: eb('unread', '-', unread) }))
      .where('person_id', '=', personId)
      .where('municipality_id', '=', municipalityId)
      .execute();
    publishUnread(tx, municipalityId, [personId]);
  }
  return unread;
}

/** Mark unread: a read thread counts one unread again. */
export async function markUnread(
  tx: Tx,
  municipalityId: string,
  threadId: string,
  personId: string,
): Promise<void> {
  const changed = await tx
    .updateTable('thread_participants')
    .set({ unread_count: 1 })
    .where('thread_id', '=', threadId)
    .where('person_id', '=', personId)
    .where('unread_count', '=', 0)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) > 0) {
    await addToTotals(tx, municipalityId, [personId], 1);
    publishUnread(tx, municipalityId, [personId]);
  }
}
