import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { courseTools, iso } from '../../../test/courses.js';
import { asSystem } from '../../platform/db/database.js';
import { JobWorker } from '../../platform/jobs/worker.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let staff: Client;
let tools: Awaited<ReturnType<typeof courseTools>>;

beforeAll(async () => {
  rt = await startRuntime();
  staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
  tools = await courseTools(rt, staff);
});
afterAll(async () => rt?.dispose());

const runJobs = () => new JobWorker(rt.db, rt.jobHandlers, rt.app.log).wake();
const guardian = (age?: number) => tools.guardian(age);
const createCourse = (overrides?: Record<string, unknown>) => tools.createCourse(overrides);
const pay = (client: Client) => tools.pay(client);
const DAY = 86_400_000;

const registrationsOf = async (courseId: string) =>
  (await staff.get(`admin/courses/${courseId}/registrations`)).json().items as {
    id: string;
    status: string;
    child: { firstName: string };
  }[];

/** Pretend a deadline passed and let its job run. */
async function passDeadline(registrationId: string, column: 'held_until' | 'offered_until') {
  await asSystem(rt.db, async (tx) => {
    await sql`update course_registrations set ${sql.ref(column)} = now() - interval '1 second'
              where id = ${registrationId}`.execute(tx);
    await sql`update jobs set run_at = now() where payload->>'registrationId' = ${registrationId}
              and done_at is null`.execute(tx);
  });
  await runJobs();
}

describe('courses', () => {
  it('lists the demo courses with sessions, seats and the fee of the asker', async () => {
    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const items = (await resident.get('courses')).json().items as {
      name: { fi: string };
      seatsLeft: number;
      priceCents: number;
      registration: string;
      registrationMode: string;
      sessions: unknown[];
    }[];
    const beginners = items.find((c) => c.name.fi === 'Lasten uimakoulu, alkeet')!;
    expect(beginners).toMatchObject({
      seatsLeft: 12,
      priceCents: 6500,
      registration: 'open',
      registrationMode: 'first_come',
    });
    expect(beginners.sessions).toHaveLength(10);
    // The sessions in time order, each with its own end after its start.
    const sessions = beginners.sessions as { start: string; end: string }[];
    for (const [i, session] of sessions.entries()) {
      expect(session.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(Date.parse(session.end)).toBeGreaterThan(Date.parse(session.start));
      if (i > 0)
        expect(Date.parse(session.start)).toBeGreaterThan(Date.parse(sessions[i - 1]!.end));
    }
    const continuation = items.find((c) => c.name.fi === 'Uimakoulu, jatkoryhmä')!;
    expect(continuation).toMatchObject({
      registration: 'upcoming',
      registrationMode: 'fair_queue',
    });
    const forNine = (await resident.get('courses?age=9')).json().items as unknown[];
    expect(forNine).toHaveLength(1);
    expect((await resident.get('children')).json().items).toHaveLength(2);
  });

  it('holds a seat in the cart, confirms it when paid, and never registers a child twice', async () => {
    const course = await createCourse({ seats: 3 });
    const { client, childId, n } = await guardian();
    const registered = await client.post(`courses/${course.id}/registrations`, {
      childIds: [childId],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const [registration] = registered.json().items;
    expect(registration).toMatchObject({ status: 'held', priceCents: 6500, payment: 'unpaid' });
    // The answer is the registration as the guardian's own list shows it, field for field.
    expect((await client.get('course-registrations/mine')).json().items).toEqual([registration]);
    expect((await client.get(`courses/${course.id}`)).json().seatsLeft).toBe(2);
    const cart = (await client.get('cart')).json();
    expect(cart.lines).toMatchObject([
      {
        registrationId: registration.id,
        name: `Testikurssi: Lapsi${n}`,
        totalCents: 6500,
      },
    ]);
    const again = await client.post(`courses/${course.id}/registrations`, { childIds: [childId] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('alreadyRegistered');
    await pay(client);
    const mine = (await client.get('course-registrations/mine')).json().items;
    expect(mine[0]).toMatchObject({ id: registration.id, status: 'confirmed', payment: 'paid' });
  });

  it('refuses a child outside the age limits, writing nothing', async () => {
    const course = await createCourse();
    const { client, childId } = await guardian(6);
    const older = await client.post('children', {
      firstName: 'Isosisko',
      lastName: 'Testinen',
      birthDate: '2012-01-01',
    });
    const response = await client.post(`courses/${course.id}/registrations`, {
      childIds: [childId, older.json().id],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('ageLimit');
    expect(await registrationsOf(course.id)).toEqual([]);
    expect((await client.get(`courses/${course.id}`)).json().seatsLeft).toBe(2);
    // Someone else's child is not anyone's to register.
    const other = await guardian();
    const foreign = await other.client.post(`courses/${course.id}/registrations`, {
      childIds: [childId],
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses registration before the opening and after the closing', async () => {
    const upcoming = await createCourse({
      registrationOpensAt: iso(DAY),
      registrationClosesAt: iso(2 * DAY),
    });
    const { client, childId } = await guardian();
    const early = await client.post(`courses/${upcoming.id}/registrations`, {
      childIds: [childId],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('registrationNotOpen');
  });

  it('puts late comers on the waitlist and offers a freed seat to the first of them', async () => {
    const course = await createCourse({ seats: 1, priceProductId: null });
    const first = await guardian();
    const second = await guardian();
    const third = await guardian();
    const a = (
      await first.client.post(`courses/${course.id}/registrations`, {
        childIds: [first.childId],
      })
    ).json().items[0];
    expect(a).toMatchObject({ status: 'confirmed', payment: 'free' });
    const b = (
      await second.client.post(`courses/${course.id}/registrations`, {
        childIds: [second.childId],
      })
    ).json().items[0];
    const c = (
      await third.client.post(`courses/${course.id}/registrations`, {
        childIds: [third.childId],
      })
    ).json().items[0];
    expect(b).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(c).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect((await first.client.get('course-registrations/mine')).json().items).toEqual([a]);
    expect((await third.client.get('course-registrations/mine')).json().items).toEqual([c]);
    // The first cancels: the seat is offered to the second, with a deadline.
    expect((await first.client.post(`course-registrations/${a.id}/cancel`, {})).statusCode).toBe(
      200,
    );
    const offered = (await second.client.get('course-registrations/mine')).json().items[0];
    expect(offered).toMatchObject({ status: 'offered', canAccept: true });
    const notice = (await second.client.get('notifications')).json().items[0];
    expect(notice.title).toBe('Paikka vapautui: Testikurssi');
    expect((await third.client.get('course-registrations/mine')).json().items[0]).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    // The second lets the offer pass: it goes to the third.
    await passDeadline(b.id, 'offered_until');
    expect((await second.client.get('course-registrations/mine')).json().items[0].status).toBe(
      'expired',
    );
    const third2 = (await third.client.get('course-registrations/mine')).json().items[0];
    expect(third2.status).toBe('offered');
    const accepted = await third.client.post(`course-registrations/${c.id}/accept`, {});
    expect(accepted.json()).toMatchObject({ status: 'confirmed' });
    expect((await third.client.post(`course-registrations/${c.id}/accept`, {})).statusCode).toBe(
      409,
    );
  });

  it('releases a seat that is not paid in time to the waitlist', async () => {
    const course = await createCourse({ seats: 1 });
    const first = await guardian();
    const second = await guardian();
    const held = (
      await first.client.post(`courses/${course.id}/registrations`, {
        childIds: [first.childId],
      })
    ).json().items[0];
    expect(held.status).toBe('held');
    const waiting = (
      await second.client.post(`courses/${course.id}/registrations`, {
        childIds: [second.childId],
      })
    ).json().items[0];
    expect(waiting.status).toBe('waitlisted');
    await passDeadline(held.id, 'held_until');
    const mine = (await first.client.get('course-registrations/mine')).json().items[0];
    expect(mine.status).toBe('expired');
    expect((await first.client.get('cart')).json().lines).toEqual([]);
    // The seat went to the waitlist: offered, then held in the cart once accepted.
    const accepted = await second.client.post(`course-registrations/${waiting.id}/accept`, {});
    expect(accepted.json()).toMatchObject({ status: 'held' });
    expect((await second.client.get('cart')).json().lines[0].registrationId).toBe(waiting.id);
    const seats = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('course_seats')
        .select('registration_id')
        .where('course_id', '=', course.id)
        .execute(),
    );
    expect(seats).toEqual([{ registration_id: waiting.id }]);
  });

  it('refunds a paid seat cancelled in time', async () => {
    const course = await createCourse();
    const { client, childId } = await guardian();
    const registration = (
      await client.post(`courses/${course.id}/registrations`, {
        childIds: [childId],
      })
    ).json().items[0];
    await pay(client);
    const cancelled = await client.post(`course-registrations/${registration.id}/cancel`, {});
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', refundedCents: 6500 });
    await runJobs();
    const refund = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('refunds')
        .select(['status', 'amount_cents'])
        .where('registration_id', '=', registration.id)
        .executeTakeFirstOrThrow(),
    );
    expect(refund).toEqual({ status: 'done', amount_cents: 6500 });
  });
});

describe('fair queue', () => {
  it('draws random places for the waiting room at the opening; late comers join the end', async () => {
    const course = await createCourse({
      registrationMode: 'fair_queue',
      admitPerMinute: 1,
      seats: 5,
      registrationOpensAt: iso(DAY),
    });
    const early = [await guardian(), await guardian(), await guardian()];
    for (const g of early) {
      const joined = (await g.client.post(`courses/${course.id}/queue`, {})).json();
      expect(joined).toMatchObject({ joined: true, state: 'waiting', place: null });
    }
    const tooEarly = await early[0]!.client.post(`courses/${course.id}/registrations`, {
      childIds: [early[0]!.childId],
    });
    expect(tooEarly.json().code).toBe('registrationNotOpen');
    // The opening comes.
    await asSystem(rt.db, (tx) =>
      tx
        .updateTable('courses')
        .set({ registration_opens_at: new Date(Date.now() - 1000) })
        .where('id', '=', course.id)
        .execute(),
    );
    const late = await guardian();
    const lateTurn = (await late.client.post(`courses/${course.id}/queue`, {})).json();
    const turns = [];
    for (const g of early) turns.push((await g.client.get(`courses/${course.id}/queue`)).json());
    expect(turns.map((t) => t.place).sort()).toEqual([1, 2, 3]);
    expect((await late.client.get(`courses/${course.id}/queue`)).json()).toMatchObject({
      place: 4,
      inQueue: 4,
      admitPerMinute: 1,
    });
    expect(lateTurn.place).toBe(4);
    // One a minute: the first place is admitted now, the second in a minute.
    const firstIndex = turns.findIndex((t) => t.place === 1);
    const secondIndex = turns.findIndex((t) => t.place === 2);
    expect(turns[firstIndex]).toMatchObject({ state: 'admitted' });
    // The one before is admitted already: nobody ahead is still waiting, the turn comes in a minute.
    expect(turns[secondIndex]).toMatchObject({ state: 'waiting', ahead: 0 });
    const waitMs = Date.parse(turns[secondIndex].admittedAt) - Date.now();
    expect(waitMs).toBeGreaterThan(50_000);
    const notYet = await early[secondIndex]!.client.post(`courses/${course.id}/registrations`, {
      childIds: [early[secondIndex]!.childId],
    });
    expect(notYet.statusCode).toBe(403);
    expect(notYet.json().code).toBe('notAdmitted');
    const admitted = await early[firstIndex]!.client.post(`courses/${course.id}/registrations`, {
      childIds: [early[firstIndex]!.childId],
    });
    expect(admitted.statusCode).toBe(201);
    // A turn that passes can be queued for again, at the end.
    await asSystem(rt.db, (tx) =>
      tx.updateTable('courses').set({ admission_minutes: 1 }).where('id', '=', course.id).execute(),
    );
    await asSystem(rt.db, async (tx) => {
      await tx
        .updateTable('courses')
        .set({ registration_opens_at: new Date(Date.now() - 10 * 60_000) })
        .where('id', '=', course.id)
        .execute();
      await sql`update course_queue set joined_at = joined_at - interval '20 minutes'
                where course_id = ${course.id}`.execute(tx);
    });
    const passed = (await early[secondIndex]!.client.get(`courses/${course.id}/queue`)).json();
    expect(passed.state).toBe('passed');
    const again = (await early[secondIndex]!.client.post(`courses/${course.id}/queue`, {})).json();
    expect(again).toMatchObject({ place: 4, state: 'admitted' });
    // Someone who never queued is not admitted either.
    const outsider = await guardian();
    const skip = await outsider.client.post(`courses/${course.id}/registrations`, {
      childIds: [outsider.childId],
    });
    expect(skip.json().code).toBe('notAdmitted');
  });
});

describe('course administration', () => {
  it('lets facility staff change the seats, never below the seats taken', async () => {
    const course = await createCourse({ seats: 1, priceProductId: null });
    const { client, childId } = await guardian();
    await client.post(`courses/${course.id}/registrations`, { childIds: [childId] });
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get(`admin/courses/${course.id}/registrations`)).statusCode).toBe(403);
    const base = await staff.get(`courses/${course.id}`);
    const body = { ...base.json() };
    const input = {
      name: body.name,
      description: body.description,
      location: body.location,
      ageMin: body.ageMin,
      ageMax: body.ageMax,
      priceProductId: null,
      registrationOpensAt: body.registrationOpensAt,
      registrationClosesAt: body.registrationClosesAt,
      registrationMode: body.registrationMode,
      admitPerMinute: body.admitPerMinute,
      admissionMinutes: body.admissionMinutes,
      holdMinutes: body.holdMinutes,
      waitlist: true,
      offerHours: body.offerHours,
      cancelFreeHours: body.cancelFreeHours,
      sessions: body.sessions,
    };
    const more = await staff.put(`admin/courses/${course.id}`, { ...input, seats: 3 });
    expect(more.json()).toMatchObject({ seats: 3, seatsLeft: 2 });
    const fewer = await staff.put(`admin/courses/${course.id}`, { ...input, seats: 1 });
    expect(fewer.json()).toMatchObject({ seats: 1, seatsLeft: 0 });
    const tooFew = await staff.put(`admin/courses/${course.id}`, { ...input, seats: 0 });
    expect(tooFew.statusCode).toBe(400);
    const badDates = await staff.put(`admin/courses/${course.id}`, {
      ...input,
      seats: 1,
      registrationClosesAt: body.registrationOpensAt,
    });
    expect(badDates.json().code).toBe('courseRules');
  });

  it('takes a course out of use only when nobody is on it', async () => {
    const course = await createCourse({ priceProductId: null });
    const { client, childId } = await guardian();
    const registration = (
      await client.post(`courses/${course.id}/registrations`, { childIds: [childId] })
    ).json().items[0];
    const refused = await staff.delete(`admin/courses/${course.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('courseHasRegistrations');
    expect(
      (await staff.post(`course-registrations/${registration.id}/cancel`, {})).statusCode,
    ).toBe(200);
    expect((await staff.delete(`admin/courses/${course.id}`)).statusCode).toBe(204);
    expect((await client.get(`courses/${course.id}`)).statusCode).toBe(404);
    const listed = (await client.get('courses')).json().items as { id: string }[];
    expect(listed.map((c) => c.id)).not.toContain(course.id);
    expect((await staff.delete(`admin/courses/${course.id}`)).statusCode).toBe(404);
  });
});
