import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let saunaBooking: string;

beforeAll(async () => {
  rt = await startRuntime();
  // The demo data has Antti Asukas in the sauna tomorrow 18–20.
  saunaBooking = (
    await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('reservations')
        .innerJoin('people', 'people.id', 'reservations.person_id')
        .select('reservations.id')
        .where('people.email', '=', 'asukas@tyrskyla.example')
        .executeTakeFirstOrThrow(),
    )
  ).id;
});
afterAll(async () => rt?.dispose());

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('iCalendar', () => {
  it('gives the booker their booking as an .ics file', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const response = await resident.get(`reservations/${saunaBooking}.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const ics = unfold(response.body);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`UID:${saunaBooking}@helppo`);
    expect(ics).toContain('SUMMARY:Rantasauna: Saunailta');
    expect(ics).toContain('LOCATION:Rantapolku 8\\, Tyrskylä');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });

  it('refuses the file to anyone else', async () => {
    expect((await new Client(rt.app).get(`reservations/${saunaBooking}.ics`)).statusCode).toBe(401);
    const other = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect((await other.get(`reservations/${saunaBooking}.ics`)).statusCode).toBe(404);
  });

  it('serves a private feed by its secret address, and a new address replaces the old', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const first = (await resident.post('calendar-feed')).json() as {
      url: string;
      webcalUrl: string;
    };
    expect(first.webcalUrl).toMatch(/^webcal:\/\/.*\/api\/tyrskyla\/calendar-feeds\/[\w-]+\.ics$/);
    const path = new URL(first.url).pathname;
    // Calendar apps fetch without any cookie.
    const feed = await rt.app.inject(path);
    expect(feed.statusCode).toBe(200);
    expect(unfold(feed.body)).toContain(`UID:${saunaBooking}@helppo`);
    // The same secret under another municipality's address finds nothing.
    expect((await rt.app.inject(path.replace('/tyrskyla/', '/pyharanta/'))).statusCode).toBe(404);

    const second = (await resident.post('calendar-feed')).json() as { url: string };
    expect(second.url).not.toBe(first.url);
    expect((await rt.app.inject(path)).statusCode).toBe(404);
    expect((await rt.app.inject(new URL(second.url).pathname)).statusCode).toBe(200);
    expect(
      (await rt.app.inject('/api/tyrskyla/calendar-feeds/not-a-real-secret-at-all.ics')).statusCode,
    ).toBe(404);
  });
});
