import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Client } from '../../../test/helpers.js';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { courseTools } from '../../../test/courses.js';
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

const register = async (client: Client, courseId: string, childId: string) => {
  const response = await client.post(`courses/${courseId}/registrations`, { childIds: [childId] });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().items[0] as { id: string; status: string };
};

const mine = async (client: Client) =>
  (await client.get('course-registrations/mine')).json().items as {
    id: string;
    status: string;
    refundedCents: number;
  }[];

describe('cancelling a whole course', () => {
  it('ends every registration, refunds the paid fees, empties the carts and tells the guardians', async () => {
    const course = await tools.createCourse({ seats: 2 });
    // Paid (confirmed), held in the cart, and on the waitlist; plus a Swedish-speaking one.
    const paid = await tools.guardian();
    const paidRegistration = await register(paid.client, course.id, paid.childId);
    const { orderId } = await tools.pay(paid.client);
    const held = await tools.guardian();
    await asSystem(rt.db, (tx) =>
      tx.updateTable('people').set({ language: 'sv' }).where('email', '=', held.email).execute(),
    );
    const heldRegistration = await register(held.client, course.id, held.childId);
    expect(heldRegistration.status).toBe('held');
    const waiting = await tools.guardian();
    const waitingRegistration = await register(waiting.client, course.id, waiting.childId);
    expect(waitingRegistration.status).toBe('waitlisted');

    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect(
      (await resident.post(`admin/courses/${course.id}/cancel`, { reason: 'Ei' })).statusCode,
    ).toBe(403);
    const blank = await staff.post(`admin/courses/${course.id}/cancel`, { reason: '   ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().code).toBe('cancelReasonRequired');

    const cancelled = await staff.post(`admin/courses/${course.id}/cancel`, {
      reason: 'Uimahalli on remontissa.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      cancelledRegistrations: 3,
      refundedCents: 6500,
      course: { registration: 'cancelled', cancelReason: 'Uimahalli on remontissa.', seatsLeft: 2 },
    });

    expect((await mine(paid.client))[0]).toMatchObject({
      id: paidRegistration.id,
      status: 'cancelled',
      refundedCents: 6500,
    });
    expect((await mine(held.client))[0]!.status).toBe('cancelled');
    expect((await mine(waiting.client))[0]!.status).toBe('cancelled');
    expect((await held.client.get('cart')).json().lines).toEqual([]);

    // The refund goes through the provider, once, for the whole fee.
    await runJobs();
    const refunds = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('refunds')
        .select(['order_id', 'amount_cents', 'status', 'reason'])
        .where('registration_id', '=', paidRegistration.id)
        .execute(),
    );
    expect(refunds).toEqual([
      { order_id: orderId, amount_cents: 6500, status: 'done', reason: 'courseCancelled' },
    ]);

    // Each guardian is told, in their own language, with the reason (and the refund).
    const notice = async (client: Client) => (await client.get('notifications')).json().items[0];
    expect(await notice(paid.client)).toMatchObject({
      title: 'Kurssi peruttu: Testikurssi',
      body: expect.stringMatching(
        /Syy: Uimahalli on remontissa\. Maksamasi kurssimaksu 65,00\s€ palautetaan kokonaan\./,
      ),
    });
    expect(await notice(held.client)).toMatchObject({
      title: 'Kursen är inställd: Testkurs',
      body: expect.not.stringContaining('återbetalas'),
    });
    expect((await notice(waiting.client)).title).toBe('Kurssi peruttu: Testikurssi');
    const emails = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('email_outbox')
        .select('to_address')
        .where('subject', 'in', ['Kurssi peruttu: Testikurssi', 'Kursen är inställd: Testkurs'])
        .execute(),
    );
    expect(emails.map((e) => e.to_address).sort()).toEqual(
      [paid.email, held.email, waiting.email].sort(),
    );
  });

  it('takes no more registrations or queue entries, and is not cancelled twice', async () => {
    const course = await tools.createCourse({ priceProductId: null });
    const guardian = await tools.guardian();
    const reason = { reason: 'Liian vähän ilmoittautuneita.' };
    expect((await staff.post(`admin/courses/${course.id}/cancel`, reason)).statusCode).toBe(200);
    const late = await guardian.client.post(`courses/${course.id}/registrations`, {
      childIds: [guardian.childId],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'courseCancelled', title: 'Kurssi on peruttu' });
    expect((await guardian.client.get(`courses/${course.id}`)).json()).toMatchObject({
      registration: 'cancelled',
      cancelReason: 'Liian vähän ilmoittautuneita.',
    });
    const again = await staff.post(`admin/courses/${course.id}/cancel`, reason);
    expect(again.statusCode).toBe(409);
    // With nobody left on it, the course can now be taken out of use.
    expect((await staff.delete(`admin/courses/${course.id}`)).statusCode).toBe(204);
  });

  it('refunds a seat whose payment was under way when the course was cancelled', async () => {
    const course = await tools.createCourse();
    const g = await tools.guardian();
    const registration = await register(g.client, course.id, g.childId);
    const checkout = await g.client.post('checkout');
    expect(checkout.statusCode).toBe(200);
    expect(
      (await staff.post(`admin/courses/${course.id}/cancel`, { reason: 'Peruttu.' })).statusCode,
    ).toBe(200);
    // The payment arrives after the cancellation: no seat, the money back.
    const page = await g.client.get(new URL(checkout.json().redirectUrl).pathname);
    const link = [...page.body.matchAll(/href="([^"]+)"/g)][0]![1]!.replace(/&#38;/g, '&');
    expect((await g.client.get(link)).statusCode).toBe(302);
    expect((await mine(g.client))[0]).toMatchObject({
      id: registration.id,
      status: 'cancelled',
      refundedCents: 6500,
    });
  });

  it('cancels hundreds of registrations in one go, or none when something fails', async () => {
    const course = await tools.createCourse({ seats: 500, priceProductId: null });
    // 500 registrations written directly (the API path is tested above): 300 seated, 200 waiting.
    await asSystem(rt.db, async (tx) => {
      const guardian = await tx
        .selectFrom('people')
        .select('id')
        .where('email', '=', 'huoltaja@tyrskyla.example')
        .executeTakeFirstOrThrow();
      await sql`
        with kids as (
          insert into children (municipality_id, first_name, last_name, birth_date)
          select municipality_id, 'Lapsi' || n, 'Joukko', current_date - 2200
          from courses, generate_series(1, 500) as n where courses.id = ${course.id}
          returning id, municipality_id, first_name),
        registered as (
          insert into course_registrations (municipality_id, course_id, child_id, person_id, status)
          select municipality_id, ${course.id}, id, ${guardian.id},
                 case when substr(first_name, 6)::int <= 300 then 'confirmed' else 'waitlisted' end
          from kids returning id, status)
        update course_seats s set registration_id = r.id
        from (select id, row_number() over (order by id) as n from registered
              where status = 'confirmed') r
        where s.course_id = ${course.id} and s.seat_no = r.n`.execute(tx);
    });
    // A failure half way (the 250th guardian's notice cannot be written) leaves everything
    // as it was: no registration cancelled, no notice sent, the course still open.
    await asSystem(rt.db, async (tx) => {
      await sql`create function fail_course_cancel() returns trigger language plpgsql as $$
          begin raise exception 'simulated failure'; end $$`.execute(tx);
      await sql`create trigger fail_course_cancel before insert on notifications
          for each row when (new.body like '%Lapsi250 %')
          execute function fail_course_cancel()`.execute(tx);
    });
    const failed = await staff.post(`admin/courses/${course.id}/cancel`, { reason: 'Peruttu.' });
    expect(failed.statusCode).toBe(500);
    const count = (status: 'confirmed' | 'cancelled') =>
      asSystem(rt.db, async (tx) => {
        const row = await tx
          .selectFrom('course_registrations')
          .select(sql<number>`count(*)::int`.as('n'))
          .where('course_id', '=', course.id)
          .where('status', '=', status)
          .executeTakeFirstOrThrow();
        return row.n;
      });
    expect(await count('confirmed')).toBe(300);
    expect(await count('cancelled')).toBe(0);
    expect((await staff.get(`courses/${course.id}`)).json().registration).not.toBe('cancelled');

    const notices = await asSystem(rt.db, async (tx) => {
      await sql`drop trigger fail_course_cancel on notifications`.execute(tx);
      await sql`drop function fail_course_cancel()`.execute(tx);
      const row = await tx
        .selectFrom('notifications')
        .innerJoin('people', 'people.id', 'notifications.person_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('people.email', '=', 'huoltaja@tyrskyla.example')
        .where('notifications.title', 'like', 'Kurssi peruttu%')
        .executeTakeFirstOrThrow();
      return row.n;
    });
    expect(notices).toBe(0);
    const done = await staff.post(`admin/courses/${course.id}/cancel`, { reason: 'Peruttu.' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ cancelledRegistrations: 500, course: { seatsLeft: 500 } });
    expect(await count('cancelled')).toBe(500);
  });
});
