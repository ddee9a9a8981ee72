import { sql } from 'kysely';
import { asSystem, type Database } from '../src/platform/db/database.js';
import { localInstant } from './helpers.js';

/** Days ahead of the first given ISO weekday (1 = Monday) at least `from` days from today. */
export async function firstWeekday(db: Database, isoDow: number, from: number) {
  return asSystem(db, async (tx) => {
    const r = await sql<{ d: number }>`
      select min(g)::int as d from generate_series(${from}::int, ${from + 6}::int) g
      where extract(isodow from current_date + g) = ${isoDow}`.execute(tx);
    return r.rows[0]!.d;
  });
}

/** A weekly series body: local times on the day `days` ahead, for `weeks` weeks. */
export const weekly = async (
  db: Database,
  resourceId: string,
  days: number,
  from: string,
  to: string,
  weeks: number,
) => ({
  resourceId,
  start: await localInstant(db, days, from),
  end: await localInstant(db, days, to),
  until: (await localInstant(db, days + 7 * (weeks - 1), '12:00')).slice(0, 10),
});

/** The emails kept for an address, oldest first. */
export const outbox = (db: Database, to: string) =>
  asSystem(db, (tx) =>
    tx
      .selectFrom('email_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', to)
      .orderBy('created_at')
      .execute(),
  );
