import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, loggedIn, startRuntime, localInstant } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let ids: Record<string, string>;

beforeAll(async () => {
  rt = await startRuntime();
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('resources').select(['id', 'name_fi']).execute(),
  );
  ids = Object.fromEntries(rows.map((r) => [r.name_fi, r.id]));
});
afterAll(async () => rt?.dispose());

/** An instant `days` ahead at a local Helsinki time, e.g. at(3, '10:00'). */
const at = (days: number, time: string) => localInstant(rt.db, days, time);

/** The next day at least `min` days ahead that is a weekday and no holiday: meeting rooms are open. */
async function nextWorkday(min: number): Promise<number> {
  return asSystem(rt.db, async (tx) => {
    const result = await sql<{ d: number }>`
      select min(d)::int as d from generate_series(${min}::int, ${min + 14}::int) as d
      where extract(isodow from current_date + d) between 1 and 5
        and not exists (select 1 from opening_exceptions e where e.day = current_date + d)`.execute(
      tx,
    );
    return result.rows[0]!.d;
  });
}

describe('facilities', () => {
  it('lists and searches the facilities of the municipality only', async () => {
    const all = (await rt.app.inject('/api/tyrskyla/resources')).json().items as {
      name: { fi: string };
    }[];
    expect(all.map((r) => r.name.fi)).toContain('Rantasauna');
    expect(all.map((r) => r.name.fi)).not.toContain('Pyhärannan koulun liikuntasali');
    const rooms = (
      await rt.app.inject('/api/tyrskyla/resources?kind=meeting_room&minCapacity=10')
    ).json();
    expect(rooms.items.map((r: { name: { fi: string } }) => r.name.fi)).toEqual([
      'Kokoushuone Tyrsky',
    ]);
    const accessible = (
      await rt.app.inject('/api/tyrskyla/resources?accessible=true&q=halli')
    ).json();
    expect(accessible.items).toHaveLength(1);
    expect((await rt.app.inject(`/api/pyharanta/resources/${ids['Rantasauna']}`)).statusCode).toBe(
      404,
    );
  });

  it('shows opening intervals in local time and the taken time, with the buffer', async () => {
    const response = await rt.app.inject(
      `/api/tyrskyla/resources/${ids['Rantasauna']}/availability?days=3`,
    );
    const availability = response.json();
    expect(availability.timeZone).toBe('Europe/Helsinki');
    // The sauna is open 16–22 local time every day (unless a holiday).
    for (const interval of availability.open) {
      const start = new Date(interval.start);
      const local = new Intl.DateTimeFormat('fi', { timeZone: 'Europe/Helsinki', hour: 'numeric' });
      expect(local.format(start)).toBe('16');
    }
    // The demo booking tomorrow 18–20 takes the sauna until 20:30 (30 min buffer).
    const tomorrow = (await at(1, '12:00')).slice(0, 10);
    const day = (
      await rt.app.inject(
        `/api/tyrskyla/resources/${ids['Rantasauna']}/availability?from=${tomorrow}&days=1`,
      )
    ).json();
    expect(day.busy).toContainEqual({
      start: await at(1, '18:00'),
      end: await at(1, '20:00'),
      bufferEnd: await at(1, '20:30'),
      mine: false,
    });
  });
});

describe('booking', () => {
  it('books a free time instantly and shows it as mine', async () => {
    const day = await nextWorkday(5);
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const response = await resident.post('reservations', {
      resourceId: ids['Kokoushuone Laine'],
      start: await at(day, '10:00'),
      end: await at(day, '11:30'),
      purpose: 'Asukasyhdistyksen kokous',
      attendees: 5,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      status: 'confirmed',
      canCancel: true,
      bookerName: 'Antti Asukas',
    });
    // A confirmation by email (kept in the outbox in demo mode) and in the app.
    const emails = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('email_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', 'asukas@tyrskyla.example')
        .execute(),
    );
    expect(
      emails.some(
        (e) =>
          e.subject === 'Varauksesi on vahvistettu' && e.text_body.includes('Kokoushuone Laine'),
      ),
    ).toBe(true);
    expect((await resident.get('notifications')).json().items[0].title).toBe(
      'Varauksesi on vahvistettu',
    );
    const mine = (await resident.get('reservations/mine')).json().items as { id: string }[];
    expect(mine.map((r) => r.id)).toContain(response.json().id);
    const from = (await at(day, '12:00')).slice(0, 10);
    const availability = (
      await resident.get(`resources/${ids['Kokoushuone Laine']}/availability?from=${from}&days=1`)
    ).json();
    expect(availability.busy.some((b: { mine: boolean }) => b.mine)).toBe(true);
  });

  it('refuses times against the rules with a clear 4xx', async () => {
    const day = await nextWorkday(6);
    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const room = ids['Kokoushuone Laine'];
    const attempt = async (start: string, end: string) =>
      resident.post('reservations', { resourceId: room, start, end });
    // Before opening (08:00)
    expect((await attempt(await at(day, '07:00'), await at(day, '08:00'))).json().code).toBe(
      'outsideOpeningHours',
    );
    // Past closing (16:00)
    expect((await attempt(await at(day, '15:30'), await at(day, '16:30'))).json().code).toBe(
      'outsideOpeningHours',
    );
    // Not on the 30-minute grid
    expect((await attempt(await at(day, '10:10'), await at(day, '11:10'))).json().code).toBe(
      'invalidSlot',
    );
    // Longer than the maximum (180 min)
    expect((await attempt(await at(day, '08:00'), await at(day, '12:00'))).json().code).toBe(
      'invalidSlot',
    );
    // End before start
    expect((await attempt(await at(day, '11:00'), await at(day, '10:00'))).statusCode).toBe(422);
    // In the past
    const past = await attempt(await at(-1, '10:00'), await at(-1, '11:00'));
    expect(past.json().code).toBe('bookingWindow');
    // Too far ahead (90 days)
    expect((await attempt(await at(120, '10:00'), await at(120, '11:00'))).json().code).toBe(
      'bookingWindow',
    );
    // On a holiday the facility is closed
    const christmas = await asSystem(rt.db, async (tx) => {
      const r = await sql<{ d: number }>`
        select (make_date(extract(year from current_date)::int + 1, 1, 1) - current_date)::int as d`.execute(
        tx,
      );
      return r.rows[0]!.d;
    });
    if (christmas <= 90) {
      const closed = await attempt(await at(christmas, '10:00'), await at(christmas, '11:00'));
      expect(['outsideOpeningHours', 'bookingWindow']).toContain(closed.json().code);
    }
  });

  it('never lets two bookings overlap, however many race for the same time', async () => {
    const day = await nextWorkday(8);
    const room = ids['Kokoushuone Tyrsky'];
    const people = [
      'asukas@tyrskyla.example',
      'huoltaja@tyrskyla.example',
      'digiryhma@tyrskyla.example',
      'tilat@tyrskyla.example',
      'varhaiskasvatus@tyrskyla.example',
      'admin@tyrskyla.example',
    ];
    const clients = await Promise.all(people.map((email) => loggedIn(rt.app, email)));
    // Overlapping requests: 10–11, 10:30–11:30, 10–12, each tried by two people at once.
    const spans = [
      [await at(day, '10:00'), await at(day, '11:00')],
      [await at(day, '10:30'), await at(day, '11:30')],
      [await at(day, '10:00'), await at(day, '12:00')],
    ] as const;
    const attempts = await Promise.all(
      clients.map((client, i) => {
        const [start, end] = spans[i % spans.length]!;
        return client.post('reservations', { resourceId: room, start, end });
      }),
    );
    const codes = attempts.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(people.length - 1);
    expect(attempts.find((r) => r.statusCode === 409)!.json().code).toBe('slotTaken');
    // (Times first: a transaction inside another would wait for itself on PGlite.)
    const [from, to] = [await at(day, '10:00'), await at(day, '12:00')];
    const active = await asSystem(rt.db, async (tx) => {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from reservations
        where resource_id = ${room} and status in ('requested','confirmed')
          and during && tstzrange(${from}, ${to})`.execute(tx);
      return r.rows[0]!.n;
    });
    expect(active).toBe(1);
  });

  it('keeps the buffer free after a booking', async () => {
    const day = 9;
    const sauna = ids['Rantasauna'];
    const a = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const b = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const first = await a.post('reservations', {
      resourceId: sauna,
      start: await at(day, '16:00'),
      end: await at(day, '17:00'),
      termsVersion: 1, // the demo sauna's terms of use
    });
    if (first.json().code === 'outsideOpeningHours') return; // a holiday
    expect(first.statusCode).toBe(201);
    // 17:00 would start inside the 30-minute buffer.
    const second = await b.post('reservations', {
      resourceId: sauna,
      start: await at(day, '17:00'),
      end: await at(day, '18:00'),
      termsVersion: 1,
    });
    expect(second.statusCode).toBe(409);
    const third = await b.post('reservations', {
      resourceId: sauna,
      start: await at(day, '18:00'),
      end: await at(day, '19:00'),
      termsVersion: 1,
    });
    expect(third.statusCode).toBe(201);
  });
});

describe('approval and cancellation', () => {
  it('puts a booking of an approval facility on request; staff approve and the booker is notified', async () => {
    const day = 10;
    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const request = await guardian.post('reservations', {
      resourceId: ids['Nuorisotalon bändikämppä'],
      start: await at(day, '14:00'),
      end: await at(day, '16:00'),
      purpose: 'Treenit',
    });
    if (request.json().code === 'outsideOpeningHours') return; // a holiday
    expect(request.json()).toMatchObject({ status: 'requested' });
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const queue = (await staff.get('admin/reservations?status=requested')).json().items as {
      id: string;
      bookerName: string;
    }[];
    expect(queue.find((r) => r.id === request.json().id)?.bookerName).toBe('Hanna Huoltaja');
    const before = (await guardian.get('notifications')).json().unreadCount;
    const decision = await staff.post(`admin/reservations/${request.json().id}/decision`, {
      approve: true,
    });
    expect(decision.json().status).toBe('confirmed');
    const after = (await guardian.get('notifications')).json();
    expect(after.unreadCount).toBe(before + 1);
    expect(after.items[0].title).toBe('Varauksesi on vahvistettu');
    expect(after.items[0].body).toContain('Nuorisotalon bändikämppä');
    // Deciding twice is refused.
    expect(
      (await staff.post(`admin/reservations/${request.json().id}/decision`, { approve: false }))
        .statusCode,
    ).toBe(409);
  });

  it('lets a resident cancel their own future booking, frees the time, and hides others’ bookings', async () => {
    const day = await nextWorkday(11);
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const room = ids['Kokoushuone Laine'];
    const booking = (
      await resident.post('reservations', {
        resourceId: room,
        start: await at(day, '13:00'),
        end: await at(day, '14:00'),
      })
    ).json();
    const other = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect((await other.post(`reservations/${booking.id}/cancel`, {})).statusCode).toBe(404);
    const cancelled = await resident.post(`reservations/${booking.id}/cancel`, {
      reason: 'Ei tarvita',
    });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      canCancel: false,
      cancelReason: 'Ei tarvita',
      decisionReason: null,
    });
    expect((await resident.post(`reservations/${booking.id}/cancel`, {})).statusCode).toBe(409);
    const again = await other.post('reservations', {
      resourceId: room,
      start: await at(day, '13:00'),
      end: await at(day, '14:00'),
    });
    expect(again.statusCode).toBe(201);
  });

  it('lets staff block time, which nobody can then book', async () => {
    const day = await nextWorkday(12);
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const block = await staff.post(`admin/resources/${ids['Kokoushuone Tyrsky']}/blocks`, {
      start: await at(day, '08:00'),
      end: await at(day, '20:00'),
      reason: 'Remontti',
    });
    expect(block.statusCode, block.body).toBe(201);
    const resident = new Client(rt.app);
    await resident.login('asukas@tyrskyla.example');
    const attempt = await resident.post('reservations', {
      resourceId: ids['Kokoushuone Tyrsky'],
      start: await at(day, '12:00'),
      end: await at(day, '13:00'),
    });
    expect(attempt.statusCode).toBe(409);
  });
});
