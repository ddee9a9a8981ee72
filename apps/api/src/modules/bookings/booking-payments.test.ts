import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loggedIn, localInstant, startRuntime, type Client } from '../../../test/helpers.js';
import { asSystem, inTenant } from '../../platform/db/database.js';
import { JobWorker } from '../../platform/jobs/worker.js';
import { createRefund } from '../payments/refunds.js';
import { refundOnCancel } from './booking-payments.js';
import { localDate } from '../../platform/i18n/time.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let sauna: string;
let hall: string;
let saunaProduct: string;
/** Days ahead on which the sauna is open (not a public holiday), from the third day on. */
let openDays: number[];

beforeAll(async () => {
  rt = await startRuntime();
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('resources').select(['id', 'name_fi', 'price_product_id']).execute(),
  );
  const byName = (name: string) => rows.find((r) => r.name_fi === name)!;
  sauna = byName('Rantasauna').id;
  saunaProduct = byName('Rantasauna').price_product_id!;
  hall = byName('Tyrskylän liikuntahalli').id;
  openDays = await asSystem(rt.db, async (tx) => {
    const result = await sql<{ d: number }>`
      select d from generate_series(2, 60) as d
      where not exists (select 1 from opening_exceptions e
                        where e.resource_id = ${sauna} and e.day = current_date + d)
      order by d`.execute(tx);
    return result.rows.map((r) => r.d);
  });
});
afterAll(async () => rt?.dispose());

/** Run every job that is due now (hold releases, refunds, emails). */
const runJobs = () => new JobWorker(rt.db, rt.jobHandlers, rt.app.log).wake();

/** A sauna slot on the n-th open day ahead, 17–19 local time (open 16–22 but on holidays). */
const saunaSlot = async (n: number, from = '17:00', to = '19:00') => ({
  resourceId: sauna,
  start: await localInstant(rt.db, openDays[n]!, from),
  end: await localInstant(rt.db, openDays[n]!, to),
  termsVersion: 1, // the demo sauna's terms of use
});

async function payCart(client: Client) {
  const checkout = await client.post('checkout');
  expect(checkout.statusCode, checkout.body).toBe(200);
  const { orderId, redirectUrl } = checkout.json() as { orderId: string; redirectUrl: string };
  const page = await client.get(new URL(redirectUrl).pathname);
  const links = [...page.body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&#38;/g, '&'));
  return { orderId, pay: () => client.get(links[0]!), cancel: () => client.get(links[1]!) };
}

const reservationOf = (id: string) =>
  asSystem(rt.db, (tx) =>
    tx
      .selectFrom('reservations')
      .select(['status', 'held_until', 'price_cents', 'cancel_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  );

/** Pretend the hold ran out a minute ago, and let the release job run. */
async function expireHold(id: string) {
  await asSystem(rt.db, (tx) =>
    sql`update reservations set held_until = now() - interval '1 minute' where id = ${id}`.execute(
      tx,
    ),
  );
  await asSystem(rt.db, (tx) =>
    sql`update jobs set run_at = now() where kind = 'bookings.releaseHold'
        and payload->>'reservationId' = ${id} and done_at is null`.execute(tx),
  );
  await runJobs();
}

describe('paid bookings', () => {
  it('holds a priced booking in the cart, priced per hour for the booker', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const facility = (await resident.get(`resources/${sauna}`)).json();
    expect(facility).toMatchObject({ pricePerHourCents: 800, cancelFreeHours: 24 });
    const created = await resident.post('reservations', await saunaSlot(5));
    expect(created.statusCode, created.body).toBe(201);
    const booking = created.json();
    expect(booking).toMatchObject({ status: 'held', priceCents: 1600, payment: 'unpaid' });
    const heldFor = Date.parse(booking.heldUntil) - Date.now();
    expect(heldFor).toBeGreaterThan(13 * 60_000);
    expect(heldFor).toBeLessThanOrEqual(15 * 60_000);
    const cart = (await resident.get('cart')).json();
    const line = cart.lines.find((l: { reservationId: string }) => l.reservationId === booking.id);
    expect(line).toMatchObject({ productId: null, quantity: 1, totalCents: 1600 });
    expect(line.name).toContain('Rantasauna');
    // The time is taken while held.
    const other = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect(
      (await other.post('reservations', await saunaSlot(5, '18:00', '20:00'))).statusCode,
    ).toBe(409);
    // A non-resident pays the non-resident price.
    const visitor = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
    expect((await visitor.get(`resources/${sauna}`)).json().pricePerHourCents).toBe(1200);
    // Cancelling the unpaid hold takes it out of the cart.
    expect((await resident.post(`reservations/${booking.id}/cancel`, {})).statusCode).toBe(200);
    const after = (await resident.get('cart')).json();
    expect(after.lines.some((l: { reservationId: string }) => l.reservationId === booking.id)).toBe(
      false,
    );
  });

  it('confirms the booking when the order is paid, and sells it as facility use', async () => {
    const resident = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const booking = (await resident.post('reservations', await saunaSlot(6))).json();
    const flow = await payCart(resident);
    expect((await flow.pay()).statusCode).toBe(302);
    const mine = (await resident.get('reservations/mine')).json().items;
    const paid = mine.find((r: { id: string }) => r.id === booking.id);
    expect(paid).toMatchObject({ status: 'confirmed', payment: 'paid', heldUntil: null });
    // The sauna is self-service: the paid booking now has its door PIN, told in the confirmation.
    expect(paid.access.pin).toMatch(/^[0-9]{6}$/);
    expect(booking.access).toBeNull();
    const notifications = (await resident.get('notifications')).json().items;
    expect(notifications[0].title).toBe('Varauksesi on vahvistettu');
    expect(notifications[0].body).toContain(paid.access.pin);
    // The finance office sees the booking among the sales, as use of the facility.
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const today = localDate(new Date());
    const sales = (await staff.get(`admin/sales?from=${today}&to=${today}`)).json().items;
    expect(sales.find((s: { orderId: string }) => s.orderId === flow.orderId)).toMatchObject({
      productId: saunaProduct,
      totalCents: 1600,
    });
  });

  it('releases a hold that is not paid in time: the time is free again', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = (await resident.post('reservations', await saunaSlot(7))).json();
    await expireHold(booking.id);
    expect(await reservationOf(booking.id)).toMatchObject({
      status: 'cancelled',
      held_until: null,
      cancel_reason: 'Varausta ei maksettu ajoissa.',
    });
    const cart = (await resident.get('cart')).json();
    expect(cart.lines.some((l: { reservationId: string }) => l.reservationId === booking.id)).toBe(
      false,
    );
    const other = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const again = await other.post('reservations', await saunaSlot(7));
    expect(again.statusCode).toBe(201);
    await other.post(`reservations/${again.json().id}/cancel`, {});
  });

  it('refuses to check out a hold that has run out', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = (await resident.post('reservations', await saunaSlot(8))).json();
    await asSystem(rt.db, (tx) =>
      sql`update reservations set held_until = now() - interval '1 second' where id = ${booking.id}`.execute(
        tx,
      ),
    );
    const checkout = await resident.post('checkout');
    expect(checkout.statusCode, checkout.body).toBe(409);
    expect(checkout.json().code).toBe('holdExpired');
    expect((await resident.get('cart')).json().lines.length).toBeGreaterThan(0);
    await resident.post(`reservations/${booking.id}/cancel`, {});
  });

  it('takes the time again for a payment that arrives after the hold ran out', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = (await resident.post('reservations', await saunaSlot(9))).json();
    const flow = await payCart(resident);
    await expireHold(booking.id);
    expect((await reservationOf(booking.id)).status).toBe('cancelled');
    expect((await flow.pay()).statusCode).toBe(302);
    expect((await reservationOf(booking.id)).status).toBe('confirmed');
  });

  it('refunds a late payment whose time someone else took meanwhile', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = (await resident.post('reservations', await saunaSlot(10))).json();
    const flow = await payCart(resident);
    await expireHold(booking.id);
    const other = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const taken = await other.post('reservations', await saunaSlot(10));
    expect(taken.statusCode).toBe(201);
    expect((await flow.pay()).statusCode).toBe(302);
    expect((await reservationOf(booking.id)).status).toBe('cancelled');
    await runJobs();
    const refunds = await asSystem(rt.db, (tx) =>
      tx.selectFrom('refunds').selectAll().where('reservation_id', '=', booking.id).execute(),
    );
    expect(refunds).toMatchObject([{ amount_cents: 1600, status: 'done', reason: 'slotLost' }]);
    const mine = (await resident.get('reservations/mine')).json().items;
    expect(mine.find((r: { id: string }) => r.id === booking.id)).toMatchObject({
      payment: 'refunded',
      refundedCents: 1600,
    });
  });
});

describe('cancellation rules and refunds', () => {
  it('refunds in full until the free-cancellation time, nothing after; staff always in full', () => {
    const start = new Date('2026-12-10T16:00:00Z');
    const hoursBefore = (h: number) => start.getTime() - h * 3_600_000;
    expect(refundOnCancel(1600, start, 24, false, hoursBefore(25))).toBe(1600);
    expect(refundOnCancel(1600, start, 24, false, hoursBefore(24))).toBe(1600);
    expect(refundOnCancel(1600, start, 24, false, hoursBefore(23))).toBe(0);
    expect(refundOnCancel(1600, start, 24, true, hoursBefore(1))).toBe(1600);
  });

  it('refunds a paid booking cancelled in time, and tells the buyer by email', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = (await resident.post('reservations', await saunaSlot(11))).json();
    const flow = await payCart(resident);
    await flow.pay();
    const cancelled = await resident.post(`reservations/${booking.id}/cancel`, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', refundedCents: 1600 });
    await runJobs();
    const refund = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('refunds')
        .select(['status', 'amount_cents', 'provider'])
        .where('reservation_id', '=', booking.id)
        .executeTakeFirstOrThrow(),
    );
    expect(refund).toEqual({ status: 'done', amount_cents: 1600, provider: 'demo' });
    const email = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('email_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', 'asukas@tyrskyla.example')
        .where('subject', 'like', 'Palautus%')
        .executeTakeFirst(),
    );
    expect(email?.text_body).toMatch(/16,00\s€/);
    // The finance office sees the money given back as a negative line at the sale's VAT rate.
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const day = localDate(new Date());
    const lines = (await staff.get(`admin/sales?from=${day}&to=${day}`)).json().items as {
      kind: string;
      orderId: string;
      product: string;
      netCents: number;
      vatCents: number;
      totalCents: number;
    }[];
    const [sale, refunded] = ['sale', 'refund'].map((kind) =>
      lines.find((l) => l.orderId === flow.orderId && l.kind === kind),
    );
    expect(sale).toMatchObject({ totalCents: 1600 });
    expect(refunded).toMatchObject({
      product: sale!.product,
      totalCents: -1600,
      vatCents: -sale!.vatCents,
      netCents: -sale!.netCents,
    });
  });

  it('refunds nothing when the booker cancels late, in full when staff cancel', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const late = (await resident.post('reservations', await saunaSlot(12))).json();
    const byStaff = (await resident.post('reservations', await saunaSlot(13))).json();
    await (await payCart(resident)).pay();
    // The rule of this facility: free cancellation until 30 days before.
    await asSystem(rt.db, (tx) =>
      tx.updateTable('resources').set({ cancel_free_hours: 720 }).where('id', '=', sauna).execute(),
    );
    try {
      const cancelled = (await resident.post(`reservations/${late.id}/cancel`, {})).json();
      expect(cancelled).toMatchObject({ status: 'cancelled', refundedCents: 0, payment: 'paid' });
      const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
      const staffCancel = await staff.post(`reservations/${byStaff.id}/cancel`, {
        reason: 'Putkirikko',
      });
      expect(staffCancel.json()).toMatchObject({ refundedCents: 1600, payment: 'refunded' });
    } finally {
      await asSystem(rt.db, (tx) =>
        tx
          .updateTable('resources')
          .set({ cancel_free_hours: 24 })
          .where('id', '=', sauna)
          .execute(),
      );
    }
  });

  it('never refunds more than was paid, nor a booking twice', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const booking = (await resident.post('reservations', await saunaSlot(14))).json();
    const { orderId } = await payCart(resident).then(async (flow) => {
      await flow.pay();
      return flow;
    });
    const municipality = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('municipalities')
        .select('id')
        .where('slug', '=', 'tyrskyla')
        .executeTakeFirstOrThrow(),
    );
    const ctx = {
      db: rt.db,
      municipality: { id: municipality.id } as never,
      actor: null,
      roles: [],
      requestId: 'test',
      language: 'fi' as const,
      baseUrl: 'http://localhost',
    };
    const refund = (amountCents: number, reservationId: string | null) =>
      inTenant(rt.db, municipality.id, (tx) =>
        createRefund(tx, ctx, { orderId, reservationId, amountCents, reason: 'test' }),
      );
    await expect(refund(1601, null)).rejects.toMatchObject({ code: 'refundTooLarge' });
    await refund(600, booking.id);
    await expect(refund(100, booking.id)).rejects.toMatchObject({ code: '23505' });
    await expect(refund(1001, null)).rejects.toMatchObject({ code: 'refundTooLarge' });
    await refund(1000, null);
  });
});

describe('requests with a price', () => {
  it('puts an approved request into the booker’s cart to pay within three days', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const request = await resident.post('reservations', {
      resourceId: hall,
      start: await localInstant(rt.db, openDays[15]!, '10:00'),
      end: await localInstant(rt.db, openDays[15]!, '11:30'),
    });
    expect(request.statusCode, request.body).toBe(201);
    expect(request.json()).toMatchObject({ status: 'requested', priceCents: 4500 });
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const approved = await staff.post(`admin/reservations/${request.json().id}/decision`, {
      approve: true,
    });
    expect(approved.json()).toMatchObject({ status: 'held', payment: 'unpaid' });
    const heldFor = Date.parse(approved.json().heldUntil) - Date.now();
    expect(Math.round(heldFor / 86_400_000)).toBe(3);
    const cart = (await resident.get('cart')).json();
    expect(
      cart.lines.find((l: { reservationId: string }) => l.reservationId === request.json().id),
    ).toMatchObject({ totalCents: 4500 });
    const notifications = (await resident.get('notifications')).json().items;
    expect(notifications[0].title).toBe('Varauspyyntösi hyväksyttiin – maksa varaus');
  });
});

describe('booking for a customer', () => {
  it('lets facility staff book for a customer, whose cart then holds the booking', async () => {
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const slot = await saunaSlot(16);
    const made = await staff.post('admin/reservations', {
      ...slot,
      customerEmail: 'huoltaja@tyrskyla.example',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ status: 'held', priceCents: 1600, payment: 'unpaid' });
    const customer = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const cart = (await customer.get('cart')).json();
    expect(
      cart.lines.some((l: { reservationId: string }) => l.reservationId === made.json().id),
    ).toBe(true);
    const notice = (await customer.get('notifications')).json().items[0];
    expect(notice.title).toBe('Sinulle on tehty varaus – maksa varaus');
    const unknown = await staff.post('admin/reservations', {
      ...(await saunaSlot(17)),
      customerEmail: 'ei-ole@tyrskyla.example',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('customerNotFound');
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const notStaff = await resident.post('admin/reservations', {
      ...(await saunaSlot(17)),
      customerEmail: 'asukas@tyrskyla.example',
    });
    expect(notStaff.statusCode).toBe(403);
  });

  it('books for an association through its member, at its price and into its cart', async () => {
    const club = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Tyrskylän Urheiluseura ry')
        .executeTakeFirstOrThrow(),
    );
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const slot = {
      resourceId: hall,
      start: await localInstant(rt.db, openDays[18]!, '12:00'),
      end: await localInstant(rt.db, openDays[18]!, '13:00'),
    };
    // huoltaja@ is not the club's member: nothing is booked.
    const outsider = await staff.post('admin/reservations', {
      ...slot,
      organisationId: club.id,
      customerEmail: 'huoltaja@tyrskyla.example',
    });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().code).toBe('customerNotOrganisationMember');
    const made = await staff.post('admin/reservations', {
      ...slot,
      organisationId: club.id,
      customerEmail: 'asukas@tyrskyla.example',
    });
    expect(made.statusCode, made.body).toBe(201);
    // The association's 20 €/h, not the resident's 30 €/h.
    expect(made.json()).toMatchObject({
      status: 'held',
      priceCents: 2000,
      organisation: { id: club.id },
    });
    const member = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const inCart = (lines: { reservationId: string }[]) =>
      lines.some((l) => l.reservationId === made.json().id);
    expect(inCart((await member.get(`cart?organisationId=${club.id}`)).json().lines)).toBe(true);
    expect(inCart((await member.get('cart')).json().lines)).toBe(false);
  });
});
