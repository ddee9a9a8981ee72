import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Client } from '../../../test/helpers.js';
import { freeSauna, loggedIn, localInstant, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { JobWorker } from '../../platform/jobs/worker.js';
import { DEMO_DOOR_TOKEN } from './access.demo.js';
import { accessHandlers, NEVER_CONFIRMED, type GrantMessage } from './access.jobs.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let sauna: string;
let saunaDoor: string;
let staff: Client;

beforeAll(async () => {
  rt = await startRuntime();
  await freeSauna(rt.db);
  const ids = await asSystem(rt.db, async (tx) => {
    const resource = await tx
      .selectFrom('resources')
      .select('id')
      .where('name_fi', '=', 'Rantasauna')
      .executeTakeFirstOrThrow();
    const door = await tx
      .selectFrom('doors')
      .select('id')
      .where('resource_id', '=', resource.id)
      .executeTakeFirstOrThrow();
    return { sauna: resource.id, door: door.id };
  });
  sauna = ids.sauna;
  saunaDoor = ids.door;
  staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
});
afterAll(async () => rt?.dispose());

/** The sauna (open 16–22) `days` ahead, or the next day that is not a holiday. */
async function book(client: Client, days: number, from = '16:00', to = '17:00') {
  const day = await asSystem(rt.db, async (tx) => {
    const result = await sql<{ d: number }>`
      select min(d)::int as d from generate_series(${days}::int, ${days + 14}::int) as d
      where not exists (select 1 from opening_exceptions e where e.day = current_date + d)`.execute(
      tx,
    );
    return result.rows[0]!.d;
  });
  const response = await client.post('reservations', {
    resourceId: sauna,
    start: await localInstant(rt.db, day, from),
    end: await localInstant(rt.db, day, to),
    termsVersion: 1,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; access: { pin: string } | null };
}

const between = (min: number, max: number) => (n: number) => n > min && n <= max;

interface Grant {
  id: string;
  reservationId: string;
  doorId: string;
  state: string;
  wanted: string;
  attempts: number;
  lastError: string | null;
}
const grantsOf = async (reservationId: string) =>
  ((await staff.get('admin/access/grants')).json().items as Grant[]).filter(
    (g) => g.reservationId === reservationId,
  );

const pull = async (doorId: string, token = DEMO_DOOR_TOKEN) => {
  const response = await rt.app.inject({
    method: 'GET',
    url: `/api/tyrskyla/access/doors/${doorId}/grants`,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { install: { grantId: string }[]; remove: { grantId: string }[] };
};

describe('taking a door out of use and back', () => {
  it('removes its grants, gives it no new ones, and restores them with their PINs', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = await book(resident, 3);
    const [grant] = await grantsOf(booking.id);
    expect(grant).toMatchObject({ doorId: saunaDoor, state: 'requested' });

    const refused = await resident.post(`admin/access/doors/${saunaDoor}/deactivate`);
    expect(refused.statusCode).toBe(403);
    const off = await staff.post(`admin/access/doors/${saunaDoor}/deactivate`);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    expect((await grantsOf(booking.id))[0]).toMatchObject({
      state: 'removal_requested',
      wanted: 'removed',
    });
    // The controller still pulls with its token: nothing to hold, the grant to drop.
    const pulled = await pull(saunaDoor);
    expect(pulled.install).toEqual([]);
    expect(pulled.remove.map((g) => g.grantId)).toContain(grant!.id);
    const acked = await rt.app.inject({
      method: 'POST',
      url: `/api/tyrskyla/access/doors/${saunaDoor}/acks`,
      headers: { authorization: `Bearer ${DEMO_DOOR_TOKEN}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ results: [{ grantId: grant!.id, status: 'removed' }] }),
    });
    expect(acked.json()).toEqual({ changed: 1 });
    // A new booking gets no grant on the door out of use (and so no PIN).
    const later = await book(await loggedIn(rt.app, 'huoltaja@tyrskyla.example'), 5);
    expect(await grantsOf(later.id)).toEqual([]);
    expect(later.access).toBeNull();
    const doors = (await staff.get('admin/access/doors')).json().items as {
      id: string;
      active: boolean;
    }[];
    expect(doors.find((d) => d.id === saunaDoor)?.active).toBe(false);

    const on = await staff.post(`admin/access/doors/${saunaDoor}/activate`);
    expect(on.json()).toMatchObject({ active: true });
    // Both coming bookings have their grants again; the first keeps its PIN.
    expect((await grantsOf(booking.id))[0]).toMatchObject({ id: grant!.id, state: 'requested' });
    expect(await grantsOf(later.id)).toHaveLength(1);
    const mine = (await resident.get('reservations/mine')).json().items as (typeof booking)[];
    expect(mine.find((r) => r.id === booking.id)?.access?.pin).toBe(booking.access!.pin);
    const audits = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select('action')
        .where('target', '=', `door:${saunaDoor}`)
        .orderBy('id')
        .execute(),
    );
    expect(audits.map((a) => a.action)).toEqual(['access.door.deactivate', 'access.door.activate']);
  });
});

describe('switching self-service off and on', () => {
  it("removes the coming bookings' grants, and gives them back", async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = await book(resident, 7, '18:00', '19:00');
    expect((await grantsOf(booking.id))[0]?.state).toBe('requested');
    const details = (await staff.get(`resources/${sauna}`)).json();
    const body = {
      kind: details.kind,
      name: details.name,
      description: details.description,
      location: details.location,
      capacity: details.capacity,
      accessible: details.accessible,
      selfService: false,
      bookingMode: details.bookingMode,
      slot: details.slot,
      openingHours: details.openingHours,
    };
    const off = await staff.put(`admin/resources/${sauna}`, body);
    expect(off.statusCode, off.body).toBe(200);
    expect((await grantsOf(booking.id))[0]).toMatchObject({ state: 'removal_requested' });
    expect((await pull(saunaDoor)).remove.map((g) => g.grantId)).toContain(
      (await grantsOf(booking.id))[0]!.id,
    );
    const mine = (await resident.get('reservations/mine')).json().items as (typeof booking)[];
    expect(mine.find((r) => r.id === booking.id)?.access).toBeNull();

    expect(
      (await staff.put(`admin/resources/${sauna}`, { ...body, selfService: true })).statusCode,
    ).toBe(200);
    expect((await grantsOf(booking.id))[0]).toMatchObject({
      state: 'requested',
      wanted: 'installed',
    });
  });
});

describe('a pushed grant the door never confirms', () => {
  it('is sent again with a growing wait, then failed for staff when its validity ends', async () => {
    const door = await staff.post('admin/access/doors', {
      resourceId: sauna,
      name: 'Hiljainen MQTT-ovi',
      adapter: 'mqtt',
    });
    expect(door.statusCode, door.body).toBe(201);
    const doorId = door.json().door.id as string;
    // A broker that takes every message, and a door that never answers.
    const sent: GrantMessage[] = [];
    const worker = new JobWorker(
      rt.db,
      accessHandlers(rt.db, { mqtt: { deliver: async (_target, m) => void sent.push(m) } }),
      rt.app.log,
    );
    const booking = await book(await loggedIn(rt.app, 'asukas@tyrskyla.example'), 9);
    const grant = (await grantsOf(booking.id)).find((g) => g.doorId === doorId)!;
    const waits = () =>
      asSystem(
        rt.db,
        async (tx) =>
          (
            await sql<{ round: number; wait: number }>`
            select (payload->>'round')::int as round,
                   extract(epoch from run_at - now())::float8 as wait
            from jobs where kind = 'access.awaitInstall' and payload->>'grantId' = ${grant.id}
              and done_at is null and failed_at is null`.execute(tx)
          ).rows,
      );
    const due = () =>
      asSystem(rt.db, (tx) =>
        sql`update jobs set run_at = now() where kind = 'access.awaitInstall'
            and payload->>'grantId' = ${grant.id} and done_at is null`.execute(tx),
      );
    try {
      await worker.wake();
      expect(sent.filter((m) => m.grantId === grant.id)).toHaveLength(1);
      // Looked at again in a minute (the default, less the moments since), by one job.
      expect(await waits()).toEqual([{ round: 0, wait: expect.toSatisfy(between(50, 60)) }]);
      await due();
      await worker.wake();
      expect(sent.filter((m) => m.grantId === grant.id).map((m) => m.type)).toEqual([
        'install',
        'install',
      ]);
      expect(await waits()).toEqual([{ round: 1, wait: expect.toSatisfy(between(110, 120)) }]);
      expect((await grantsOf(booking.id)).find((g) => g.id === grant.id)).toMatchObject({
        state: 'requested',
        attempts: 2,
      });
      // The validity ends without a word from the door: failed, with the reason for staff.
      await asSystem(rt.db, (tx) =>
        sql`update access_grants set valid_from = now() - interval '2 hours',
              valid_until = now() - interval '1 second' where id = ${grant.id}`.execute(tx),
      );
      await due();
      await worker.wake();
      expect(sent.filter((m) => m.grantId === grant.id)).toHaveLength(2);
      const failed = (await staff.get('admin/access/grants?state=failed')).json().items as Grant[];
      expect(failed.find((g) => g.id === grant.id)).toMatchObject({
        state: 'failed',
        lastError: NEVER_CONFIRMED,
      });
      expect(await waits()).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});
