import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notifyAfterCommit, type Tx } from '../db/database.js';
import type { Actor } from '../http/context.js';
import { isLanguage } from '../i18n/messages.js';

/** Sessions expire after this long without use. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

/**
 * Where changes to a person's sessions, roles or profile (and '*' for the municipalities) are
 * announced, so the session cache drops what it kept. Database triggers announce every such
 * change (migration 0030); `authChanged` announces one in this process the moment it commits.
 */
export const AUTH_CHANNEL = 'helppo_auth';

/** Announce, at commit, that a person's sessions, roles or profile changed (ALL: every entry). */
export function authChanged(tx: Tx, personId: string): void {
  notifyAfterCommit(tx, AUTH_CHANNEL, personId);
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function insertSession(
  tx: Tx,
  personId: string,
  method: 'password' | 'oidc',
): Promise<string> {
  const token = newSessionToken();
  await tx
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      person_id: personId,
      auth_method: method,
      expires_at: new Date(Date.now() + SESSION_IDLE_MS),
    })
    .execute();
  return token;
}

/**
 * The live session's person for a cookie token, sliding its expiry forward. Runs on a
 * transaction or, for every API request, as single statements on the pool (sessions and
 * people belong to no municipality): a round trip, not a transaction, per request.
 */
export async function findActorByToken(tx: Tx | Kysely<DB>, token: string): Promise<Actor | null> {
  const row = await tx
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .select([
      'sessions.id as sessionId',
      'sessions.last_seen_at',
      'people.id as personId',
      'people.name',
      'people.email',
      'people.language',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? touchSession(tx, row) : null;
}

export interface SessionRow {
  sessionId: string;
  last_seen_at: Date;
  personId: string;
  name: string;
  email: string | null;
  language: string;
}

/** Sliding a session's expiry forward is due: it was last written over a minute ago. */
export function touchIsDue(row: SessionRow): boolean {
  // Writing on every request would serialise reads on the session row; once a minute is enough.
  return Date.now() - row.last_seen_at.getTime() > 60_000;
}

/** The actor of a live session, whose expiry slides forward at most once a minute. */
export async function touchSession(tx: Tx | Kysely<DB>, row: SessionRow): Promise<Actor> {
  if (touchIsDue(row)) await touchSessions(tx, [row.sessionId]);
  return actorOf(row);
}

/**
 * Slide the expiry of sessions forward (those not written in the last minute), in one
 * statement however many there are.
 */
export async function touchSessions(tx: Tx | Kysely<DB>, sessionIds: string[]): Promise<void> {
  await tx
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()`, expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
    .where(sql<boolean>`id = any(${sessionIds}::uuid[])`)
    .where('last_seen_at', '<', sql<Date>`now() - interval '1 minute'`)
    .execute();
}

export function actorOf(row: SessionRow): Actor {
  return {
    sessionId: row.sessionId,
    personId: row.personId,
    name: row.name,
    email: row.email,
    language: isLanguage(row.language) ? row.language : 'fi',
  };
}

export async function deleteSession(tx: Tx, sessionId: string): Promise<void> {
  const row = await tx
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .returning('person_id')
    .executeTakeFirst();
  if (row) authChanged(tx, row.person_id);
}

export async function deleteSessionsOfPerson(tx: Tx, personId: string): Promise<number> {
  const result = await tx.deleteFrom('sessions').where('person_id', '=', personId).execute();
  authChanged(tx, personId);
  return Number(result[0]?.numDeletedRows ?? 0);
}

export async function sessionIsLive(tx: Tx, sessionId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row !== undefined;
}
