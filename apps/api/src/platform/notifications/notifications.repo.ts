import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { insertColumns, notifyAfterCommit, type Tx } from '../db/database.js';
import { NOTIFICATION_CHANNEL, type NotificationEvent } from './hub.js';

export interface NewNotification {
  municipalityId: string;
  personId: string;
  title: string;
  body: string;
  link?: string | null;
}

const COLUMNS = ['id', 'title', 'body', 'link', 'created_at', 'read_at'] as const;

export async function publish(tx: Tx, event: NotificationEvent): Promise<void> {
  // Delivered to listeners only if and when the transaction commits.
  notifyAfterCommit(tx, NOTIFICATION_CHANNEL, JSON.stringify(event));
}

/**
 * Create an in-app notification inside the caller's transaction. Every module notifies
 * people through this one function.
 */
export async function insertNotification(tx: Tx, n: NewNotification): Promise<string> {
  return (await insertNotifications(tx, [n]))[0]!;
}

/** Several notifications in one statement (a course rush tells hundreds of guardians at once). */
export async function insertNotifications(tx: Tx, list: NewNotification[]): Promise<string[]> {
  if (list.length === 0) return [];
  // One short statement for any number of rows (ids made here, so each row's id is known
  // without relying on the order of RETURNING).
  const ids = list.map(() => randomUUID());
  await insertColumns(tx, 'notifications', {
    id: ['uuid', ids],
    municipality_id: ['uuid', list.map((n) => n.municipalityId)],
    person_id: ['uuid', list.map((n) => n.personId)],
    title: ['text', list.map((n) => n.title)],
    body: ['text', list.map((n) => n.body)],
    link: ['text', list.map((n) => n.link ?? null)],
  });
  for (const [i, n] of list.entries()) {
    await publish(tx, {
      municipalityId: n.municipalityId,
      personId: n.personId,
      kind: 'created',
      notificationId: ids[i]!,
    });
  }
  return ids;
}

export async function listForPerson(tx: Tx, personId: string, limit: number) {
  return tx
    .selectFrom('notifications')
    .select(COLUMNS)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findForPerson(tx: Tx, personId: string, id: string) {
  return tx
    .selectFrom('notifications')
    .select(COLUMNS)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function unreadCount(tx: Tx, personId: string): Promise<number> {
  const row = await tx
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function markRead(tx: Tx, personId: string, id: string | null): Promise<number> {
  let q = tx
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('person_id', '=', personId)
    .where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
