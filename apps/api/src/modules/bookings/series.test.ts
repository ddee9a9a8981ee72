import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loggedIn, startRuntime, type Client, localInstant } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { weeklyOccurrences } from './bookings.repo.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let room: string;
let association: Client;

/** The instant of a local time `days` from today. */
const at = (days: number, time: string) => localInstant(rt.db, days, time);
const dateIn = async (days: number) => (await at(days, '12:00')).slice(0, 10);

beforeAll(async () => {
  rt = await startRuntime();
  association = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
  room = (
    await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('resources')
        .select('id')
        .where('name_fi', '=', 'Kokoushuone Laine')
        .executeTakeFirstOrThrow(),
    )
  ).id;
});
afterAll(async () => rt?.dispose());

describe('weekly recurring bookings', () => {
  it('books the free weeks, lists the others with the reason, and cancels the rest of the season', async () => {
    // The first Tuesday at least a week ahead, 14–15, for 14 weeks: the last weeks fall
    // beyond the 90-day booking window.
    const firstTuesday = await asSystem(rt.db, async (tx) => {
      const r = await sql<{ d: number }>`
        select min(g)::int as d from generate_series(7, 13) g where extract(isodow from current_date + g) = 2`.execute(
        tx,
      );
      return r.rows[0]!.d;
    });
    // Someone else already has the third Tuesday.
    const other = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const taken = await other.post('reservations', {
      resourceId: room,
      start: await at(firstTuesday + 14, '14:00'),
      end: await at(firstTuesday + 14, '15:00'),
    });
    const holidayOrTaken = taken.statusCode === 201 ? 'slotTaken' : 'outsideOpeningHours';

    const response = await association.post('reservation-series', {
      resourceId: room,
      start: await at(firstTuesday, '14:00'),
      end: await at(firstTuesday, '15:00'),
      until: await dateIn(firstTuesday + 13 * 7),
      purpose: 'Kuoron harjoitukset',
    });
    expect(response.statusCode, response.body).toBe(201);
    const series = response.json() as {
      seriesId: string;
      booked: { start: string; seriesId: string; status: string }[];
      conflicts: { start: string; code: string }[];
    };
    expect(series.booked.length + series.conflicts.length).toBe(14);
    expect(series.conflicts).toContainEqual(
      expect.objectContaining({
        start: await at(firstTuesday + 14, '14:00'),
        code: holidayOrTaken,
      }),
    );
    const windowEnd = Date.now() + 90 * 86_400_000;
    for (const conflict of series.conflicts.filter((c) => c.code === 'bookingWindow')) {
      expect(Date.parse(conflict.start)).toBeGreaterThan(windowEnd);
    }
    expect(series.conflicts.some((c) => c.code === 'bookingWindow')).toBe(true);
    expect(
      series.booked.every((b) => b.seriesId === series.seriesId && b.status === 'confirmed'),
    ).toBe(true);
    // Every booked week is at 14:00 local time, whatever the UTC offset.
    const localHour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Helsinki',
      hour: '2-digit',
    });
    expect(new Set(series.booked.map((b) => localHour.format(new Date(b.start))))).toEqual(
      new Set(['14']),
    );

    // Only the owner can cancel the series.
    expect((await other.post(`reservation-series/${series.seriesId}/cancel`, {})).statusCode).toBe(
      404,
    );
    const cancelled = await association.post(`reservation-series/${series.seriesId}/cancel`, {
      reason: 'Kausi päättyi',
    });
    // A free meeting room: nothing to give back.
    expect(cancelled.json()).toEqual({
      cancelled: series.booked.length,
      refundedCents: 0,
      creditedCents: 0,
    });
    const mine = (await association.get('reservations/mine')).json().items as {
      seriesId: string;
      status: string;
    }[];
    expect(
      mine.filter((r) => r.seriesId === series.seriesId).every((r) => r.status === 'cancelled'),
    ).toBe(true);
  });

  it('refuses a series longer than a year', async () => {
    const response = await association.post('reservation-series', {
      resourceId: room,
      start: await at(8, '10:00'),
      end: await at(8, '11:00'),
      until: await dateIn(8 + 7 * 60),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('seriesLength');
  });

  it('keeps the local time across a daylight saving change', async () => {
    const occurrences = await asSystem(rt.db, (tx) =>
      weeklyOccurrences(tx, '2027-03-23', 14 * 60, 60, '2027-04-06'),
    );
    // Finland moves to summer time on 28 March 2027: 14:00 is 12:00 UTC before, 11:00 after.
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      '2027-03-23T12:00:00.000Z',
      '2027-03-30T11:00:00.000Z',
      '2027-04-06T11:00:00.000Z',
    ]);
  });
});
