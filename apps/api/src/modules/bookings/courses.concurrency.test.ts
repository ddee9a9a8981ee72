import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/auth/password.js';

/**
 * The registration rush: many guardians at the same moment. On PostgreSQL the requests run in
 * parallel transactions over the pool and take seat rows with SKIP LOCKED; whatever the
 * interleaving, no seat is given twice, the course never has more held or confirmed seats
 * than it has, no child is registered twice and nobody gets a 5xx.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let guardians: { client: Client; childId: string }[];
let courseId: string;
const SEATS = 15;
const GUARDIANS = 40;

beforeAll(async () => {
  rt = await startRuntime();
  const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  const hash = await hashPassword('salasana-123');
  const fee = await asSystem(rt.db, (tx) =>
    tx
      .selectFrom('products')
      .select('id')
      .where('kind', '=', 'course_fee')
      .executeTakeFirstOrThrow(),
  );
  const now = Date.now();
  const course = await staff.post('admin/courses', {
    name: { fi: 'Ruuhkakurssi', sv: 'Rusningskurs', en: 'Rush course' },
    description: { fi: '', sv: '', en: '' },
    location: '',
    ageMin: 0,
    ageMax: 18,
    seats: SEATS,
    priceProductId: fee.id,
    registrationOpensAt: new Date(now - 60_000).toISOString(),
    registrationClosesAt: new Date(now + 86_400_000).toISOString(),
    registrationMode: 'first_come',
    admitPerMinute: 100,
    admissionMinutes: 15,
    holdMinutes: 15,
    waitlist: true,
    offerHours: 24,
    cancelFreeHours: 24,
    sessions: [
      {
        start: new Date(now + 7 * 86_400_000).toISOString(),
        end: new Date(now + 7 * 86_400_000 + 3_600_000).toISOString(),
      },
    ],
  });
  courseId = course.json().id;
  const municipality = await asSystem(rt.db, (tx) =>
    tx
      .selectFrom('municipalities')
      .select('id')
      .where('slug', '=', 'tyrskyla')
      .executeTakeFirstOrThrow(),
  );
  const emails = Array.from({ length: GUARDIANS }, (_, i) => `ruuhka${i}@tyrskyla.example`);
  await asSystem(rt.db, async (tx) => {
    for (const email of emails) {
      const { id } = await tx
        .insertInto('people')
        .values({ email, name: email, password_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('role_grants')
        .values({ municipality_id: municipality.id, person_id: id, role: 'resident' })
        .execute();
    }
  });
  guardians = [];
  for (const email of emails) {
    const client = new Client(rt.app, 'tyrskyla');
    await client.login(email, 'salasana-123');
    const child = await client.post('children', {
      firstName: 'Lapsi',
      lastName: email,
      birthDate: '2018-05-05',
    });
    guardians.push({ client, childId: child.json().id });
  }
});
afterAll(async () => rt?.dispose());

describe('the registration rush', () => {
  it('gives every seat once and puts the rest on the waitlist', async () => {
    const responses = await Promise.all(
      guardians.map((g) =>
        g.client.post(`courses/${courseId}/registrations`, { childIds: [g.childId] }),
      ),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s >= 500)).toEqual([]);
    const statuses = responses.map((r) => r.json().items[0].status as string);
    expect(statuses.filter((s) => s === 'held')).toHaveLength(SEATS);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(GUARDIANS - SEATS);
    // Each answer tells a waitlist place within the waitlist, and the places read back
    // afterwards follow the arrival order: 1, 2, 3 … without a gap or a place twice.
    const places = responses
      .map((r) => r.json().items[0])
      .filter((item) => item.status === 'waitlisted')
      .map((item) => item.waitlistPosition as number);
    const all = Array.from({ length: GUARDIANS - SEATS }, (_, i) => i + 1);
    if (rt.db.kind === 'pglite') {
      // One connection: the batches run one after another, so every answer is exact.
      expect([...places].sort((a, b) => a - b)).toEqual(all);
    } else {
      // Batches of one course run side by side on a server; one does not yet see the places
      // taken by another still in flight, so an answer may tell a place too early by those.
      for (const place of places) expect(all).toContain(place);
    }
    const listed = await Promise.all(
      guardians.map(async (g) => (await g.client.get('course-registrations/mine')).json().items),
    );
    const waiting = (
      listed.flat() as {
        courseId: string;
        status: string;
        createdAt: string;
        waitlistPosition: number;
      }[]
    )
      .filter((item) => item.courseId === courseId && item.status === 'waitlisted')
      .sort((a, b) => a.waitlistPosition - b.waitlistPosition);
    const arrivals = waiting.map((item) => Date.parse(item.createdAt));
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
    expect(waiting.map((item) => item.waitlistPosition)).toEqual(all);
    const seats = await asSystem(
      rt.db,
      async (tx) =>
        (
          await sql<{ taken: number; distinct: number; rows: number }>`
          select count(registration_id)::int as taken,
                 count(distinct registration_id)::int as distinct, count(*)::int as rows
          from course_seats where course_id = ${courseId}`.execute(tx)
        ).rows[0]!,
    );
    expect(seats).toEqual({ taken: SEATS, distinct: SEATS, rows: SEATS });
    const page = (await guardians[0]!.client.get(`courses/${courseId}`)).json();
    expect(page).toMatchObject({ seatsLeft: 0, waitlistLength: GUARDIANS - SEATS });
  });

  it('registers a child once however many times it is sent at once', async () => {
    const g = guardians[0]!;
    const sameChild = await Promise.all(
      Array.from({ length: 8 }, () =>
        g.client.post(`courses/${courseId}/registrations`, { childIds: [g.childId] }),
      ),
    );
    // Already registered by the rush above: every one of these is refused.
    expect(sameChild.map((r) => r.statusCode)).toEqual(Array(8).fill(409));
    const fresh = await g.client.post('children', {
      firstName: 'Pikkusisko',
      lastName: 'Testi',
      birthDate: '2019-01-01',
    });
    const race = await Promise.all(
      Array.from({ length: 8 }, () =>
        g.client.post(`courses/${courseId}/registrations`, { childIds: [fresh.json().id] }),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, ...Array(7).fill(409)]);
    const rows = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('course_registrations')
        .select('id')
        .where('child_id', '=', fresh.json().id)
        .execute(),
    );
    expect(rows).toHaveLength(1);
  });

  it('answers every request of a batch on its own, all or nothing', async () => {
    // Sent at once, these share transactions: a refused one must not take the others down,
    // nor leave any of its own children registered.
    const child = async (g: (typeof guardians)[number], name: string, birthDate: string) =>
      (await g.client.post('children', { firstName: name, lastName: 'Erä', birthDate })).json()
        .id as string;
    const [a, b, c, d, e] = guardians.slice(10, 15) as [
      (typeof guardians)[number],
      (typeof guardians)[number],
      (typeof guardians)[number],
      (typeof guardians)[number],
      (typeof guardians)[number],
    ];
    const fine = [await child(a, 'Aino', '2017-03-03'), await child(a, 'Eino', '2016-04-04')];
    const tooOld = await child(b, 'Vanha', '1990-01-01');
    const young = await child(b, 'Nuori', '2018-02-02');
    const others = await child(d, 'Vieras', '2018-02-02');
    const own = await child(e, 'Oma', '2018-02-02');
    // The first request of a quiet moment goes alone; the ones behind it share a batch.
    const leading = guardians[15]!;
    const sent = [
      leading.client.post(`courses/${courseId}/registrations`, {
        childIds: [await child(leading, 'Eka', '2018-01-01')],
      }),
      a.client.post(`courses/${courseId}/registrations`, { childIds: fine }),
      b.client.post(`courses/${courseId}/registrations`, { childIds: [young, tooOld] }),
      c.client.post(`courses/${courseId}/registrations`, { childIds: [others] }),
      e.client.post(`courses/${courseId}/registrations`, { childIds: [own] }),
      d.client.post(`courses/${courseId}/registrations`, { childIds: [d.childId] }),
    ];
    const answers = (await Promise.all(sent)).slice(1);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 422, 404, 201, 409]);
    expect(answers[0]!.json().items.map((i: { child: { id: string } }) => i.child.id)).toEqual(
      fine,
    );
    expect(answers[1]!.json().type).toMatch(/ageLimit/);
    const registered = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('course_registrations')
        .select('child_id')
        .where('child_id', 'in', [...fine, tooOld, young, others, own])
        .execute(),
    );
    expect(registered.map((r) => r.child_id).sort()).toEqual([...fine, own].sort());
    // One audit record per request that registered, with its own request id.
    const audits = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('audit_events')
        .select(['request_id', 'details'])
        .where('action', '=', 'course.register')
        .execute(),
    );
    const ids = [
      ...answers[0]!.json().items.map((i: { id: string }) => i.id),
      answers[3]!.json().items[0].id,
    ];
    const recorded = audits.filter((row) =>
      ids.some((id: string) => JSON.stringify(row.details).includes(id)),
    );
    expect(recorded).toHaveLength(2);
    expect(new Set(recorded.map((row) => row.request_id)).size).toBe(2);
  });
});
