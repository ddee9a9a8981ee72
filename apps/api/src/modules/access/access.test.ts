import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, freeSauna, loggedIn, localInstant, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { DEMO_DOOR_TOKEN } from './access.demo.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let sauna: string;
let saunaDoor: string;

beforeAll(async () => {
  rt = await startRuntime();
  await freeSauna(rt.db);
  sauna = await asSystem(rt.db, async (tx) => {
    const row = await tx
      .selectFrom('resources')
      .select('id')
      .where('name_fi', '=', 'Rantasauna')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  saunaDoor = await asSystem(rt.db, async (tx) => {
    const row = await tx
      .selectFrom('doors')
      .select('id')
      .where('resource_id', '=', sauna)
      .executeTakeFirstOrThrow();
    return row.id;
  });
});
afterAll(async () => rt?.dispose());

const at = (days: number, time: string) => localInstant(rt.db, days, time);

/** The first day at least `min` days ahead that is not a holiday (the sauna is open 16–22). */
async function openDay(min: number): Promise<number> {
  return asSystem(rt.db, async (tx) => {
    const result = await sql<{ d: number }>`
      select min(d)::int as d from generate_series(${min}::int, ${min + 14}::int) as d
      where not exists (select 1 from opening_exceptions e where e.day = current_date + d)`.execute(
      tx,
    );
    return result.rows[0]!.d;
  });
}

async function bookSauna(client: Client, day: number, from: string, to: string) {
  const response = await client.post('reservations', {
    resourceId: sauna,
    start: await at(day, from),
    end: await at(day, to),
    purpose: 'Saunavuoro',
    termsVersion: 1, // the demo sauna's terms of use
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as {
    id: string;
    start: string;
    end: string;
    access: { pin: string; validFrom: string; validUntil: string } | null;
  };
}

const minutes = (iso: string, delta: number) =>
  new Date(Date.parse(iso) + delta * 60_000).toISOString();

const pull = (doorId: string, token?: string, slug = 'tyrskyla') =>
  rt.app.inject({
    method: 'GET',
    url: `/api/${slug}/access/doors/${doorId}/grants`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

const ack = (doorId: string, token: string, results: unknown[]) =>
  rt.app.inject({
    method: 'POST',
    url: `/api/tyrskyla/access/doors/${doorId}/acks`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ results }),
  });

interface StaffGrant {
  id: string;
  reservationId: string;
  doorId: string;
  state: string;
  wanted: string;
  lastError: string | null;
}
const staffGrants = async (staff: Client) =>
  (await staff.get('admin/access/grants')).json().items as StaffGrant[];

describe('a confirmed booking of a self-service facility', () => {
  it('gets a door PIN that only the booker sees, in the booking, the list and the email', async () => {
    const day = await openDay(3);
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = await bookSauna(resident, day, '16:00', '17:00');
    expect(booking.access?.pin).toMatch(/^[0-9]{6}$/);
    // Valid from 15 minutes before the start to 15 minutes after the end (the defaults).
    expect(booking.access?.validFrom).toBe(minutes(booking.start, -15));
    expect(booking.access?.validUntil).toBe(minutes(booking.end, 15));
    const pin = booking.access!.pin;

    const mine = (await resident.get('reservations/mine')).json().items as (typeof booking)[];
    expect(mine.find((r) => r.id === booking.id)?.access?.pin).toBe(pin);

    // Staff see the booking but not its PIN.
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const listed = (await staff.get('admin/reservations')).json().items as (typeof booking)[];
    expect(listed.find((r) => r.id === booking.id)?.access).toBeNull();
    expect(JSON.stringify((await staff.get('admin/access/grants')).json())).not.toContain(`"pin"`);

    const email = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('email_outbox')
        .select('text_body')
        .where('to_address', '=', 'asukas@tyrskyla.example')
        .where('text_body', 'like', `%${pin}%`)
        .execute(),
    );
    expect(email).toHaveLength(1);
    expect(email[0]!.text_body).toContain(`Oven PIN-koodi: ${pin}`);
    const notification = (await resident.get('notifications')).json().items[0];
    expect(notification.body).toContain(pin);
  });

  it('gives no PIN for a facility that is not self-service', async () => {
    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const room = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('resources')
        .select('id')
        .where('name_fi', '=', 'Nuorisotalon bändikämppä')
        .executeTakeFirstOrThrow(),
    );
    const day = await openDay(4);
    const response = await resident.post('reservations', {
      resourceId: room.id,
      start: await at(day, '14:00'),
      end: await at(day, '15:00'),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().access).toBeNull();
  });

  it('has no grant while it waits for approval, and gets one when staff approve', async () => {
    const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
    const created = await admin.post('admin/resources', {
      kind: 'sauna',
      name: { fi: 'Pihasauna', sv: 'Gårdsbastun', en: 'Yard sauna' },
      description: { fi: '', sv: '', en: '' },
      location: 'Pihatie 1',
      capacity: 6,
      accessible: false,
      selfService: true,
      bookingMode: 'approval',
      slot: {
        minMinutes: 60,
        maxMinutes: 120,
        stepMinutes: 60,
        bookAheadDays: 60,
        bufferMinutes: 0,
      },
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        opens: '10:00',
        closes: '20:00',
      })),
    });
    expect(created.statusCode, created.body).toBe(201);
    const resourceId = created.json().id as string;
    const door = await admin.post('admin/access/doors', {
      resourceId,
      name: 'Pihasaunan ovi',
      adapter: 'http_pull',
    });
    expect(door.statusCode, door.body).toBe(201);

    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const request = await resident.post('reservations', {
      resourceId,
      start: await at(5, '12:00'),
      end: await at(5, '13:00'),
    });
    expect(request.json()).toMatchObject({ status: 'requested', access: null });
    const decision = await admin.post(`admin/reservations/${request.json().id}/decision`, {
      approve: true,
    });
    expect(decision.statusCode).toBe(200);
    // The staff member's answer has no PIN; the booker's list and notification do.
    expect(decision.json().access).toBeNull();
    const mine = (await resident.get('reservations/mine')).json().items as {
      id: string;
      access: { pin: string } | null;
    }[];
    const pin = mine.find((r) => r.id === request.json().id)?.access?.pin;
    expect(pin).toMatch(/^[0-9]{6}$/);
    const notification = (await resident.get('notifications')).json().items[0];
    expect(notification.title).toBe('Varauksesi on vahvistettu');
    expect(notification.body).toContain(pin);
  });
});

describe('HTTP pull by the door controller', () => {
  it('refuses a missing or wrong token, another door and another municipality with 401', async () => {
    for (const response of [
      await pull(saunaDoor),
      await pull(saunaDoor, 'wrong-token-wrong-token-wrong'),
      await pull(saunaDoor, DEMO_DOOR_TOKEN, 'pyharanta'),
      await pull('00000000-0000-4000-8000-000000000000', DEMO_DOOR_TOKEN),
    ]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('doorUnauthenticated');
    }
    expect((await ack(saunaDoor, 'wrong-token-wrong-token-wrong', [])).statusCode).toBe(400);
    const wrongAck = await ack(saunaDoor, 'wrong-token-wrong-token-wrong', [
      { grantId: '00000000-0000-4000-8000-000000000000', status: 'installed' },
    ]);
    expect(wrongAck.statusCode).toBe(401);
  });

  it('hands the door its grants, takes acknowledgements and removes a cancelled booking', async () => {
    const day = await openDay(6);
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = await bookSauna(resident, day, '18:00', '19:00');
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const grantOf = async () =>
      (await staffGrants(staff)).find((g) => g.reservationId === booking.id)!;
    expect(await grantOf()).toMatchObject({ state: 'requested', wanted: 'installed' });

    const first = await pull(saunaDoor, DEMO_DOOR_TOKEN);
    expect(first.statusCode).toBe(200);
    const pulled = first.json() as {
      install: { grantId: string; pin: string; validFrom: string }[];
      remove: { grantId: string }[];
    };
    const mine = pulled.install.find((g) => g.pin === booking.access!.pin)!;
    expect(mine).toMatchObject({
      grantId: (await grantOf()).id,
      validFrom: booking.access!.validFrom,
    });
    // The demo booking of tomorrow is on the door too.
    expect(pulled.install.length).toBeGreaterThanOrEqual(2);

    const acked = await ack(saunaDoor, DEMO_DOOR_TOKEN, [
      { grantId: mine.grantId, status: 'installed' },
    ]);
    expect(acked.statusCode, acked.body).toBe(200);
    expect(acked.json()).toEqual({ changed: 1 });
    expect((await grantOf()).state).toBe('installed');
    // Acknowledging again changes nothing.
    expect(
      (
        await ack(saunaDoor, DEMO_DOOR_TOKEN, [{ grantId: mine.grantId, status: 'installed' }])
      ).json(),
    ).toEqual({ changed: 0 });

    const cancelled = await resident.post(`reservations/${booking.id}/cancel`, {});
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', access: null });
    expect(await grantOf()).toMatchObject({ state: 'removal_requested', wanted: 'removed' });
    const second = (await pull(saunaDoor, DEMO_DOOR_TOKEN)).json() as typeof pulled;
    expect(second.install.some((g) => g.grantId === mine.grantId)).toBe(false);
    expect(second.remove).toContainEqual(expect.objectContaining({ grantId: mine.grantId }));
    await ack(saunaDoor, DEMO_DOOR_TOKEN, [{ grantId: mine.grantId, status: 'removed' }]);
    expect((await grantOf()).state).toBe('removed');
    const third = (await pull(saunaDoor, DEMO_DOOR_TOKEN)).json() as typeof pulled;
    expect(third.remove.some((g) => g.grantId === mine.grantId)).toBe(false);
  });

  it('marks a grant the door refuses as failed, and staff can retry it', async () => {
    const day = await openDay(7);
    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const booking = await bookSauna(resident, day, '20:00', '21:00');
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const grant = (await staffGrants(staff)).find((g) => g.reservationId === booking.id)!;
    await ack(saunaDoor, DEMO_DOOR_TOKEN, [
      { grantId: grant.id, status: 'rejected', error: 'memory full' },
    ]);
    const failed = (await staff.get('admin/access/grants?state=failed')).json()
      .items as StaffGrant[];
    expect(failed.find((g) => g.id === grant.id)).toMatchObject({
      state: 'failed',
      lastError: 'door: memory full',
    });
    const retried = await staff.post(`admin/access/grants/${grant.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ state: 'requested', lastError: null, attempts: 0 });
    expect((await staff.post(`admin/access/grants/${grant.id}/retry`)).json().code).toBe(
      'grantNotFailed',
    );
    const pulled = (await pull(saunaDoor, DEMO_DOOR_TOKEN)).json() as {
      install: { grantId: string }[];
    };
    expect(pulled.install.some((g) => g.grantId === grant.id)).toBe(true);
  });
});

describe('doors for staff', () => {
  it('lets only facility staff manage doors', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get('admin/access/doors')).statusCode).toBe(403);
    expect((await resident.get('admin/access/grants')).statusCode).toBe(403);
    expect(
      (await resident.post('admin/access/doors', { resourceId: sauna, name: 'x', adapter: 'mqtt' }))
        .statusCode,
    ).toBe(403);
    expect((await new Client(rt.app).get('admin/access/doors')).statusCode).toBe(401);
    const other = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await other.get('admin/access/doors')).json().items).toEqual([]);
  });

  it('refuses a door for a facility that is not self-service', async () => {
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const hall = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('resources')
        .select('id')
        .where('name_fi', '=', 'Kokoushuone Laine')
        .executeTakeFirstOrThrow(),
    );
    const response = await staff.post('admin/access/doors', {
      resourceId: hall.id,
      name: 'Ovi',
      adapter: 'http_pull',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('notSelfService');
    const bad = await staff.post('admin/access/doors', {
      resourceId: sauna,
      name: 'Ovi',
      adapter: 'zigbee',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a new pull door’s token once, gives coming bookings their grants, and rotates it', async () => {
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const created = await staff.post('admin/access/doors', {
      resourceId: sauna,
      name: 'Rantasaunan takaovi',
      adapter: 'http_pull',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { door, token } = created.json() as {
      door: { id: string; pullUrl: string };
      token: string;
    };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(door.pullUrl).toContain(`/api/tyrskyla/access/doors/${door.id}/grants`);
    const listed = (await staff.get('admin/access/doors')).json().items as { id: string }[];
    expect(listed.map((d) => d.id)).toContain(door.id);
    expect(JSON.stringify(listed)).not.toContain(token);

    // The demo booking of tomorrow now opens the back door too, with the same PIN.
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const tomorrow = (
      (await resident.get('reservations/mine')).json().items as {
        purpose: string;
        access: { pin: string } | null;
      }[]
    ).find((r) => r.purpose === 'Saunailta')!;
    const pulled = (await pull(door.id, token)).json() as { install: { pin: string }[] };
    expect(pulled.install.map((g) => g.pin)).toContain(tomorrow.access!.pin);

    const rotated = await staff.post(`admin/access/doors/${door.id}/token`);
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().token as string;
    expect(fresh).not.toBe(token);
    expect((await pull(door.id, token)).statusCode).toBe(401);
    expect((await pull(door.id, fresh)).statusCode).toBe(200);
    const doors = (await staff.get('admin/access/doors')).json().items as {
      id: string;
      lastSeenAt: string | null;
    }[];
    expect(doors.find((d) => d.id === door.id)?.lastSeenAt).not.toBeNull();
  });
});
