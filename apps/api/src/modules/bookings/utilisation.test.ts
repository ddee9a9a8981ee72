import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime, localInstant } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let staff: Client;
let room: string;
let monday: string;
let sunday: string;

/** The instant of a local time on a day counted from `monday`. */
const at = (dayOffset: number, time: string) => localInstant(rt.db, dayOffset, time, monday);

beforeAll(async () => {
  rt = await startRuntime();
  staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  room = (
    await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('resources')
        .select('id')
        .where('name_fi', '=', 'Kokoushuone Laine')
        .executeTakeFirstOrThrow(),
    )
  ).id;
  // A whole week (Monday to Sunday) some weeks ahead without holidays.
  monday = await asSystem(rt.db, async (tx) => {
    const r = await sql<{ d: string }>`
      select to_char(d, 'YYYY-MM-DD') as d from (
        select current_date + g as d from generate_series(14, 120) g) days
      where extract(isodow from d) = 1
        and not exists (select 1 from opening_exceptions e where e.day between d and d + 6)
      order by d limit 1`.execute(tx);
    return r.rows[0]!.d;
  });
  sunday = new Date(Date.parse(`${monday}T12:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
  const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  const booking = await resident.post('reservations', {
    resourceId: room,
    start: await at(0, '10:00'),
    end: await at(0, '12:00'),
  });
  expect(booking.statusCode, booking.body).toBe(201);
  const block = await staff.post(`admin/resources/${room}/blocks`, {
    start: await at(1, '08:00'),
    end: await at(1, '09:00'),
    reason: 'Siivous',
  });
  expect(block.statusCode, block.body).toBe(201);
});
afterAll(async () => rt?.dispose());

describe('utilisation report', () => {
  it('compares booked hours with open hours, leaving blocked time out', async () => {
    const report = (
      await staff.get(`admin/reports/utilisation?from=${monday}&to=${sunday}&resourceId=${room}`)
    ).json();
    // Monday to Friday 08–16: 40 open hours; 2 booked; 1 blocked; 2 / 39.
    expect(report.resources).toEqual([
      expect.objectContaining({
        openHours: 40,
        bookedHours: 2,
        blockedHours: 1,
        utilisation: 0.051,
      }),
    ]);
    const cell = (weekday: number, hour: number) =>
      report.heatmap.find(
        (c: { weekday: number; hour: number }) => c.weekday === weekday && c.hour === hour,
      );
    expect(cell(1, 10)).toMatchObject({ openHours: 1, bookedHours: 1, utilisation: 1 });
    expect(cell(1, 11)).toMatchObject({ bookedHours: 1, utilisation: 1 });
    expect(cell(1, 9)).toMatchObject({ bookedHours: 0, utilisation: 0 });
    expect(cell(2, 8)).toMatchObject({ openHours: 1, bookedHours: 0, utilisation: null });
    expect(cell(6, 10)).toBeUndefined(); // closed on Saturdays
  });

  it('covers every facility and exports CSV for a spreadsheet', async () => {
    const all = (await staff.get(`admin/reports/utilisation?from=${monday}&to=${sunday}`)).json();
    expect(all.resources.length).toBeGreaterThanOrEqual(5);
    const csv = await staff.get(
      `admin/reports/utilisation.csv?from=${monday}&to=${sunday}&resourceId=${room}`,
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toBe(
      '\uFEFFTila;Auki (h);Varattu (h);Suljettu käytöltä (h);Käyttöaste (%)\r\n"Kokoushuone Laine";40;2;1;5,1\r\n',
    );
  });

  it('is for facility staff only and refuses impossible periods', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect(
      (await resident.get(`admin/reports/utilisation?from=${monday}&to=${sunday}`)).statusCode,
    ).toBe(403);
    const backwards = await staff.get(`admin/reports/utilisation?from=${sunday}&to=${monday}`);
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('reportPeriod');
    expect(
      (await staff.get('admin/reports/utilisation?from=2026-01-01&to=2028-01-01')).statusCode,
    ).toBe(422);
  });
});
