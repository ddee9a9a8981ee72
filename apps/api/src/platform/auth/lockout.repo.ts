import { sql } from 'kysely';
import type { Tx } from '../db/database.js';

/** After this many failures within the window, login for that email is locked for LOCK_MS. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Milliseconds left on a lock, or 0. */
export async function lockRemainingMs(tx: Tx, key: string): Promise<number> {
  const row = await tx
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('email_key', '=', key)
    .executeTakeFirst();
  const until = row?.locked_until?.getTime() ?? 0;
  return Math.max(0, until - Date.now());
}

/** Count a failure atomically (concurrent guesses cannot slip past the limit). */
export async function recordFailure(tx: Tx, key: string): Promise<void> {
  const windowStart = new Date(Date.now() - FAILURE_WINDOW_MS);
  const lockUntil = new Date(Date.now() + LOCK_MS);
  await sql`
    insert into login_attempts (email_key, failures, first_failure_at)
    values (${key}, 1, now())
    on conflict (email_key) do update set
      failures = case when login_attempts.first_failure_at < ${windowStart}
                      then 1 else login_attempts.failures + 1 end,
      first_failure_at = case when login_attempts.first_failure_at < ${windowStart}
                              then now() else login_attempts.first_failure_at end,
      locked_until = case when login_attempts.first_failure_at >= ${windowStart}
                               and login_attempts.failures + 1 >= ${MAX_FAILURES}
                          then ${lockUntil}::timestamptz else login_attempts.locked_until end
  `.execute(tx);
}

export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.deleteFrom('login_attempts').where('email_key', '=', key).execute();
}
