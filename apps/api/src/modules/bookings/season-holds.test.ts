import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { firstWeekday, outbox, weekly } from '../../../test/weeks.js';
import { asSystem } from '../../platform/db/database.js';
import { JobWorker } from '../../platform/jobs/worker.js';

/**
 * Seasons at a priced facility that books at once: the weeks are held together in the
 * buyer's cart under one release job, and a paid season's coming weeks are refunded.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let sauna: string;
let company: string;

beforeAll(async () => {
  rt = await startRuntime();
  await asSystem(rt.db, async (tx) => {
    sauna = (
      await tx
        .selectFrom('resources')
        .select('id')
        .where('name_fi', '=', 'Rantasauna')
        .executeTakeFirstOrThrow()
    ).id;
    company = (
      await tx
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Tyrskylän Kuntopalvelu Oy')
        .executeTakeFirstOrThrow()
    ).id;
  });
});
afterAll(async () => rt?.dispose());

const runJobs = () => new JobWorker(rt.db, rt.jobHandlers, rt.app.log).wake();

type Line = { seriesId: string | null };

describe('a season at a facility that books at once', () => {
  it("holds the company's weeks together in its cart and releases them together", async () => {
    const member = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const day = await firstWeekday(rt.db, 4, 5);
    const response = await member.post('reservation-series', {
      ...(await weekly(rt.db, sauna, day, '20:00', '21:00', 3)),
      organisationId: company,
      termsVersion: 1, // the demo sauna's terms of use
    });
    expect(response.statusCode, response.body).toBe(201);
    const season = response.json();
    const weeks = season.booked.length as number;
    expect(weeks).toBeGreaterThanOrEqual(2);
    expect(season.totalCents).toBe(weeks * 1500);
    const heldFor = Date.parse(season.heldUntil) - Date.now();
    expect(heldFor).toBeGreaterThan(13 * 60_000);
    const cart = (await member.get(`cart?organisationId=${company}`)).json();
    expect(cart.lines.filter((l: Line) => l.seriesId === season.seriesId)).toHaveLength(weeks);
    // One release job for the whole season.
    const jobs = await asSystem(rt.db, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from jobs where kind = 'bookings.releaseHold'
        and payload->>'seriesId' = ${season.seriesId}`.execute(tx),
    );
    expect(jobs.rows[0]!.n).toBe(1);
    await asSystem(rt.db, async (tx) => {
      await sql`update reservations set held_until = now() - interval '1 minute'
                where series_id = ${season.seriesId}`.execute(tx);
      await sql`update jobs set run_at = now() where kind = 'bookings.releaseHold'
                and payload->>'seriesId' = ${season.seriesId}`.execute(tx);
    });
    await runJobs();
    const after = (await member.get(`cart?organisationId=${company}`)).json();
    expect(after.lines.some((l: Line) => l.seriesId === season.seriesId)).toBe(false);
    const mine = (await member.get('reservations/mine')).json().items as {
      seriesId: string;
      status: string;
    }[];
    expect(
      mine.filter((r) => r.seriesId === season.seriesId).every((r) => r.status === 'cancelled'),
    ).toBe(true);
  });

  it("refunds a paid season's coming weeks, telling the booker once", async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const day = await firstWeekday(rt.db, 5, 5);
    const season = (
      await resident.post('reservation-series', {
        ...(await weekly(rt.db, sauna, day, '16:00', '17:00', 2)),
        termsVersion: 1, // the demo sauna's terms of use
      })
    ).json();
    expect(season.totalCents).toBe(season.booked.length * 800);
    await payOnline(resident);
    const cancelled = await resident.post(`reservation-series/${season.seriesId}/cancel`, {});
    expect(cancelled.json()).toEqual({
      cancelled: season.booked.length,
      refundedCents: season.totalCents,
      creditedCents: 0,
    });
    await runJobs();
    const refunds = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('refunds')
        .innerJoin('reservations', 'reservations.id', 'refunds.reservation_id')
        .select(['refunds.status', 'refunds.kind', 'refunds.amount_cents'])
        .where('reservations.series_id', '=', season.seriesId)
        .execute(),
    );
    expect(refunds).toHaveLength(season.booked.length);
    expect(refunds.every((r) => r.status === 'done' && r.kind === 'refund')).toBe(true);
    const mail = await outbox(rt.db, 'asukas@tyrskyla.example');
    expect(mail.filter((m) => m.subject.startsWith('Palautus'))).toEqual([]);
    const cancelledMail = mail.filter(
      (m) => m.subject === 'Kauden varaukset on peruttu' && m.text_body.startsWith('Rantasauna'),
    );
    expect(cancelledMail).toHaveLength(1);
    expect(cancelledMail[0]!.text_body).toMatch(/Palautamme maksusta 16,00\s€/);
  });
});

/** Pay the person's own cart with the demo provider. */
async function payOnline(client: Client) {
  const checkout = await client.post('checkout');
  expect(checkout.statusCode, checkout.body).toBe(200);
  const page = await client.get(new URL(checkout.json().redirectUrl).pathname);
  const link = [...page.body.matchAll(/href="([^"]+)"/g)][0]![1]!.replace(/&#38;/g, '&');
  expect((await client.get(link)).statusCode).toBe(302);
}
