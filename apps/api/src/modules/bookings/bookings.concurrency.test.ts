import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { isServer, loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

/**
 * Many people booking the same facility at the same moment: on PostgreSQL the requests run
 * in parallel transactions over a connection pool; the exclusion constraint alone must keep
 * the reservations apart. (On PGlite the same test runs, serialised by the single connection.)
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let clients: Client[];
let room: string;

const PEOPLE = [
  'asukas@tyrskyla.example',
  'huoltaja@tyrskyla.example',
  'digiryhma@tyrskyla.example',
  'tilat@tyrskyla.example',
  'varhaiskasvatus@tyrskyla.example',
  'admin@tyrskyla.example',
];

beforeAll(async () => {
  rt = await startRuntime();
  // Two sessions per person: twelve browsers.
  clients = await Promise.all([...PEOPLE, ...PEOPLE].map((email) => loggedIn(rt.app, email)));
  room = (
    await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('resources')
        .select('id')
        .where('name_fi', '=', 'Kokoushuone Tyrsky')
        .executeTakeFirstOrThrow(),
    )
  ).id;
});
afterAll(async () => rt?.dispose());

describe('simultaneous bookings', () => {
  it(`never overlap ${isServer() ? '(PostgreSQL, parallel transactions)' : '(PGlite)'}`, async () => {
    // A workday four weeks ahead, 08:00–20:00 open: every 30-minute start from 08:00 to 18:00
    // with lengths of 60, 90 or 120 minutes — many overlapping candidates.
    const day = await asSystem(rt.db, async (tx) => {
      const r = await sql<{ d: string }>`
        select to_char(current_date + g, 'YYYY-MM-DD') as d from generate_series(28, 42) g
        where extract(isodow from current_date + g) between 1 and 5
          and not exists (select 1 from opening_exceptions e where e.day = current_date + g)
        order by g limit 1`.execute(tx);
      return r.rows[0]!.d;
    });
    const instant = async (minutes: number) =>
      asSystem(rt.db, async (tx) => {
        const r = await sql<{ t: Date }>`
          select (${day}::date + make_interval(mins => ${minutes})) at time zone 'Europe/Helsinki' as t`.execute(
          tx,
        );
        return r.rows[0]!.t.toISOString();
      });
    const candidates: { start: string; end: string }[] = [];
    for (let start = 8 * 60; start <= 18 * 60; start += 30) {
      for (const length of [60, 90, 120]) {
        candidates.push({ start: await instant(start), end: await instant(start + length) });
      }
    }
    // Every browser tries every candidate in its own order, all at once.
    const requests = clients.flatMap((client, i) =>
      candidates
        .map((c, j) => ({ c, order: (j * 7 + i * 13) % candidates.length }))
        .sort((a, b) => a.order - b.order)
        .slice(0, 12)
        .map(({ c }) => client.post('reservations', { resourceId: room, ...c })),
    );
    const responses = await Promise.all(requests);
    const codes = responses.map((r) => r.statusCode);
    expect(
      codes.every((code) => code === 201 || code === 409),
      JSON.stringify(codes),
    ).toBe(true);
    const created = codes.filter((code) => code === 201).length;
    expect(created).toBeGreaterThan(0);

    const overlaps = await asSystem(rt.db, async (tx) => {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from reservations a join reservations b
          on a.resource_id = b.resource_id and a.id < b.id and a.blocks && b.blocks
        where a.resource_id = ${room}
          and a.status in ('requested','confirmed') and b.status in ('requested','confirmed')`.execute(
        tx,
      );
      return r.rows[0]!.n;
    });
    expect(overlaps).toBe(0);
    // The bookings that were made are the ones the database holds.
    const held = await asSystem(rt.db, async (tx) => {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from reservations
        where resource_id = ${room} and kind = 'booking' and status = 'confirmed'
          and lower(during)::date = ${day}::date`.execute(tx);
      return r.rows[0]!.n;
    });
    expect(held).toBe(created);
  });
});
