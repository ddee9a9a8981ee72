import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../db/database.js';
import { CounterBatch } from './counter-batch.js';
// Registers the daycare messages counter, as the app does.
import '../../modules/daycare/messages.repo.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let tyrskyla: string;
let pyharanta: string;
const people: { personId: string; sessionId: string }[] = [];

beforeAll(async () => {
  rt = await startRuntime();
  for (const email of ['huoltaja@tyrskyla.example', 'majakka@tyrskyla.example']) {
    await loggedIn(rt.app, email);
  }
  await asSystem(rt.db, async (tx) => {
    const towns = await tx.selectFrom('municipalities').select(['id', 'slug']).execute();
    tyrskyla = towns.find((t) => t.slug === 'tyrskyla')!.id;
    pyharanta = towns.find((t) => t.slug === 'pyharanta')!.id;
    for (const [email, unread] of [
      ['huoltaja@tyrskyla.example', 3],
      ['majakka@tyrskyla.example', 5],
    ] as const) {
      const row = await tx
        .selectFrom('sessions as s')
        .innerJoin('people as p', 'p.id', 's.person_id')
        .select(['s.id', 'p.id as person_id'])
        .where('p.email', '=', email)
        .orderBy('s.created_at', 'desc')
        .executeTakeFirstOrThrow();
      people.push({ personId: row.person_id, sessionId: row.id });
      await sql`insert into message_unread_totals (municipality_id, person_id, unread)
        values (${tyrskyla}, ${row.person_id}, ${unread})
        on conflict (person_id, municipality_id) do update set unread = excluded.unread`.execute(
        tx,
      );
    }
  });
});
afterAll(async () => rt?.dispose());

describe('counter reads for many live streams', () => {
  it("gives each stream its own person's counter from one batch", async () => {
    const batch = new CounterBatch(rt.db);
    const [a, b, again] = await Promise.all([
      batch.read(tyrskyla, 'messages', people[0]!.personId, people[0]!.sessionId),
      batch.read(tyrskyla, 'messages', people[1]!.personId, people[1]!.sessionId),
      batch.read(tyrskyla, 'messages', people[0]!.personId, people[0]!.sessionId),
    ]);
    expect([a, b, again]).toEqual([3, 5, 3]);
  });

  it("reads only the stream's municipality, and ends streams whose session has ended", async () => {
    const batch = new CounterBatch(rt.db);
    // Pyhäranta's reads see no Tyrskylä counter (row-level security): 0, not 3.
    expect(await batch.read(pyharanta, 'messages', people[0]!.personId, people[0]!.sessionId)).toBe(
      0,
    );
    await asSystem(rt.db, (tx) =>
      tx
        .updateTable('sessions')
        .set({ expires_at: sql`now() - interval '1 minute'` })
        .where('id', '=', people[1]!.sessionId)
        .execute(),
    );
    const [live, ended] = await Promise.all([
      batch.read(tyrskyla, 'messages', people[0]!.personId, people[0]!.sessionId),
      batch.read(tyrskyla, 'messages', people[1]!.personId, people[1]!.sessionId),
    ]);
    expect([live, ended]).toEqual([3, null]);
  });
});
