import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, localInstant, startRuntime } from '../../../test/helpers.js';
import { pdfText } from '../../../test/pdf.js';
import { asSystem } from '../../platform/db/database.js';
import { virtualBarcode } from '../payments/barcode.js';
import { firstWeekday, outbox, weekly } from '../../../test/weeks.js';
import { localDate } from '../../platform/i18n/time.js';

interface Sale {
  kind: string;
  orderId: string;
  quantity: number | null;
  totalCents: number;
  vatCents: number;
}

/**
 * Associations and companies as buyers: their prices, their carts, seasons of weeks priced
 * like single bookings, invoiced to the organisation and credited when cancelled (holds of
 * seasons and refunds of paid ones: season-holds.test.ts).
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let hall: string;
let sauna: string;
let card: string;
let club: string;

beforeAll(async () => {
  rt = await startRuntime();
  const ids = await asSystem(rt.db, async (tx) => ({
    resources: await tx.selectFrom('resources').select(['id', 'name_fi']).execute(),
    organisations: await tx.selectFrom('organisations').select(['id', 'name']).execute(),
    card: await tx
      .selectFrom('products')
      .select('id')
      .where('name_fi', '=', 'Uimahallin 10 kerran sarjakortti')
      .executeTakeFirstOrThrow(),
  }));
  hall = ids.resources.find((r) => r.name_fi === 'Tyrskylän liikuntahalli')!.id;
  sauna = ids.resources.find((r) => r.name_fi === 'Rantasauna')!.id;
  club = ids.organisations.find((o) => o.name === 'Tyrskylän Urheiluseura ry')!.id;
  card = ids.card.id;
});
afterAll(async () => rt?.dispose());

type Week = {
  seriesId: string;
  start: string;
  status: string;
  payment: string;
  refundedCents: number;
};
type Line = {
  reservationId: string | null;
  seriesId: string | null;
  totalCents: number;
  vatCents: number;
};

describe('buying for an organisation', () => {
  it("prices a booking with the association's price and keeps its cart apart", async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get(`resources/${sauna}`)).json().pricePerHourCents).toBe(800);
    const asClub = (await resident.get(`resources/${sauna}?organisationId=${club}`)).json();
    expect(asClub.pricePerHourCents).toBe(600);
    const day = await firstWeekday(rt.db, 3, 4);
    const booked = await resident.post('reservations', {
      resourceId: sauna,
      start: await localInstant(rt.db, day, '17:00'),
      end: await localInstant(rt.db, day, '19:00'),
      organisationId: club,
      termsVersion: 1, // the demo sauna's terms of use
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({
      status: 'held',
      priceCents: 1200,
      organisation: { id: club, name: 'Tyrskylän Urheiluseura ry' },
    });
    // One cart per buyer: the club's holds the booking, the person's own does not.
    await resident.put(`cart/lines/${card}`, { quantity: 1 });
    await resident.put(`cart/lines/${card}?organisationId=${club}`, { quantity: 2 });
    const own = (await resident.get('cart')).json();
    const clubs = (await resident.get(`cart?organisationId=${club}`)).json();
    expect(own.lines.some((l: Line) => l.reservationId === booked.json().id)).toBe(false);
    expect(own.totalCents).toBe(5800);
    expect(clubs.organisation).toEqual({ id: club, name: 'Tyrskylän Urheiluseura ry' });
    expect(clubs.totalCents).toBe(1200 + 2 * 5000);
    // An association is invoiced even for the sauna, which a resident pays online.
    expect(clubs.invoiceAllowed).toBe(true);
    const products = (await resident.get(`products?organisationId=${club}`)).json().items;
    expect(products.find((p: { id: string }) => p.id === card).yourPrice).toBe(5000);
    // Someone who is not a member cannot book for the club.
    const outsider = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const refused = await outsider.post('reservations', {
      resourceId: sauna,
      start: await localInstant(rt.db, day + 7, '17:00'),
      end: await localInstant(rt.db, day + 7, '18:00'),
      organisationId: club,
      termsVersion: 1, // the demo sauna's terms of use
    });
    expect(refused.statusCode).toBe(403);
    await resident.post(`reservations/${booked.json().id}/cancel`, {});
    await resident.put(`cart/lines/${card}`, { quantity: 0 });
    await resident.put(`cart/lines/${card}?organisationId=${club}`, { quantity: 0 });
    expect((await resident.get(`cart?organisationId=${club}`)).json().totalCents).toBe(0);
  });
});

describe('a season of Tuesdays for the association', () => {
  it('prices every week, goes to the cart approved, is invoiced to the club and credited when cancelled', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const tuesday = await firstWeekday(rt.db, 2, 7);
    const request = await resident.post('reservation-series', {
      ...(await weekly(rt.db, hall, tuesday, '18:00', '20:00', 10)),
      purpose: 'Salibandyvuoro',
      organisationId: club,
    });
    expect(request.statusCode, request.body).toBe(201);
    const season = request.json();
    const weeks = season.booked.length as number;
    expect(weeks).toBeGreaterThanOrEqual(8); // a holiday may close a Tuesday
    // Two hours at the association's 20,00 €/h, each week priced like a single booking.
    expect(season.booked.every((b: { priceCents: number }) => b.priceCents === 4000)).toBe(true);
    expect(season).toMatchObject({ totalCents: weeks * 4000, heldUntil: null });
    expect(season.booked[0]).toMatchObject({ status: 'requested', organisation: { id: club } });

    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const approved = await staff.post(`admin/reservation-series/${season.seriesId}/decision`, {
      approve: true,
    });
    expect(approved.json()).toEqual({ decided: weeks, status: 'held', totalCents: weeks * 4000 });
    const notice = (await resident.get('notifications')).json().items[0];
    expect(notice.title).toBe('Kauden varauspyyntösi hyväksyttiin – maksa varaus');
    // Exact money: every week's VAT (10 %) rounded on its own line, the sums of the lines.
    const cart = (await resident.get(`cart?organisationId=${club}`)).json();
    expect(cart.lines).toHaveLength(weeks);
    expect(cart.lines.every((l: Line) => l.seriesId === season.seriesId)).toBe(true);
    expect(cart.lines.every((l: Line) => l.totalCents === 4000 && l.vatCents === 364)).toBe(true);
    expect(cart).toMatchObject({ totalCents: weeks * 4000, vatCents: weeks * 364 });
    expect((await resident.get('cart')).json().lines).toEqual([]);

    const checkout = await resident.post(`checkout?organisationId=${club}`, { method: 'invoice' });
    expect(checkout.statusCode, checkout.body).toBe(200);
    const order = (await resident.get(`orders/${checkout.json().orderId}`)).json();
    expect(order).toMatchObject({
      status: 'invoiced',
      organisation: { name: 'Tyrskylän Urheiluseura ry' },
      totalCents: weeks * 4000,
    });
    expect(order.invoice.buyer).toEqual({
      name: 'Tyrskylän Urheiluseura ry',
      businessId: '2345678-0',
      registerNumber: '123.456',
      street: 'Urheilutie 5',
      postcode: '99999',
      city: 'Tyrskylä',
      eInvoiceAddress: null,
      eInvoiceOperator: null,
      contactEmail: 'rahastonhoitaja@urheiluseura.example',
      contactPerson: 'Antti Asukas',
    });
    const mail = await outbox(rt.db, 'rahastonhoitaja@urheiluseura.example');
    expect(mail[0]!.subject).toBe(`Lasku ${order.invoice.number} – Tyrskylä`);
    const pdf = pdfText((await resident.get(`invoices/${order.invoice.id}/pdf`)).rawPayload);
    for (const text of ['Tyrskylän Urheiluseura ry', 'Y-tunnus: 2345678-0', 'Urheilutie 5']) {
      expect(pdf).toContain(text);
    }
    expect(pdf).toContain('99999 Tyrskylä');
    expect(pdf).toContain('Viitteenne: Antti Asukas');
    // The season is one line on paper: its weeks as the quantity.
    expect(pdf).toMatch(/Tyrskylän liikuntahalli: tiistai 18\.00.20\.00/);
    expect(pdf).toContain(String(weeks));
    const weeksOf = async () =>
      ((await resident.get('reservations/mine')).json().items as Week[])
        .filter((r) => r.seriesId === season.seriesId)
        .sort((a, b) => a.start.localeCompare(b.start));
    expect(
      (await weeksOf()).every((r) => r.status === 'confirmed' && r.payment === 'invoiced'),
    ).toBe(true);
    const confirmed = (await resident.get('notifications')).json().items[0];
    expect(confirmed.title).toBe('Kauden varauksesi on vahvistettu');

    // The first Tuesday is inside the no-refund time; the later weeks are credited.
    const firstStart = Date.parse(season.booked[0].start);
    const hours = Math.ceil((firstStart - Date.now()) / 3_600_000) + 1;
    await asSystem(rt.db, (tx) =>
      tx
        .updateTable('resources')
        .set({ cancel_free_hours: hours })
        .where('id', '=', hall)
        .execute(),
    );
    const cancelled = await resident.post(`reservation-series/${season.seriesId}/cancel`, {
      reason: 'Kausi loppui',
    });
    expect(cancelled.json()).toEqual({
      cancelled: weeks,
      refundedCents: 0,
      creditedCents: (weeks - 1) * 4000,
    });
    const [kept, ...credited] = await weeksOf();
    expect(kept).toMatchObject({ status: 'cancelled', payment: 'invoiced', refundedCents: 0 });
    expect(credited.every((w) => w.payment === 'credited' && w.refundedCents === 4000)).toBe(true);
    const invoice = (await resident.get(`orders/${order.id}`)).json().invoice;
    expect(invoice).toMatchObject({
      status: 'open',
      amountCents: weeks * 4000,
      creditedCents: (weeks - 1) * 4000,
      amountDueCents: 4000,
    });
    expect(invoice.virtualBarcode).toBe(
      virtualBarcode({
        iban: invoice.payee.iban,
        amountCents: 4000,
        reference: invoice.reference,
        dueDate: invoice.dueDate,
      }),
    );
    const credit = (await outbox(rt.db, 'rahastonhoitaja@urheiluseura.example')).at(-1)!;
    expect(credit.subject).toBe(`Hyvitys laskulle ${invoice.number} – Tyrskylä`);
    expect(credit.text_body).toMatch(/Maksettavaa on nyt 40,00\s€/);
    const creditedPdf = pdfText((await resident.get(`invoices/${invoice.id}/pdf`)).rawPayload);
    expect(creditedPdf).toContain('Hyvitetty');
    expect(creditedPdf).toContain('Maksettavaa');
    // Paying what is left settles the invoice.
    const paid = await staff.post(`admin/invoices/${invoice.id}/paid`, {
      paidOn: localDate(new Date()),
    });
    expect(paid.json()).toMatchObject({ status: 'paid' });
    const payment = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('payments')
        .select('amount_cents')
        .where('order_id', '=', order.id)
        .executeTakeFirstOrThrow(),
    );
    expect(payment.amount_cents).toBe(4000);
    // The finance office's sales net the credits out with the payment: the club paid one week.
    const { paid_at } = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('orders')
        .select('paid_at')
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow(),
    );
    const day = localDate(paid_at!);
    const sales = (
      (await staff.get(`admin/sales?from=${day}&to=${day}`)).json().items as Sale[]
    ).filter((s) => s.orderId === order.id);
    const credits = sales.filter((s) => s.kind === 'credit');
    expect(credits).toHaveLength(weeks - 1);
    expect(credits[0]).toMatchObject({ totalCents: -4000, vatCents: -364, quantity: null });
    expect(sales.reduce((sum, s) => sum + s.totalCents, 0)).toBe(4000);
    expect(sales.reduce((sum, s) => sum + s.vatCents, 0)).toBe(364);
    const csv = (await staff.get(`admin/sales.csv?from=${day}&to=${day}`)).body;
    expect(csv).toContain(';-40,00;Hyvitys\r\n');
    await asSystem(rt.db, (tx) =>
      tx.updateTable('resources').set({ cancel_free_hours: 24 }).where('id', '=', hall).execute(),
    );
  });

  it('closes an invoice credited in full and refuses to mark it paid', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const wednesday = await firstWeekday(rt.db, 3, 14);
    const season = (
      await resident.post('reservation-series', {
        ...(await weekly(rt.db, hall, wednesday, '10:00', '11:00', 3)),
        organisationId: club,
      })
    ).json();
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    await staff.post(`admin/reservation-series/${season.seriesId}/decision`, { approve: true });
    const checkout = await resident.post(`checkout?organisationId=${club}`, { method: 'invoice' });
    const { orderId } = checkout.json();
    const back = await resident.post(`reservation-series/${season.seriesId}/cancel`, {});
    expect(back.json().creditedCents).toBe(season.totalCents);
    const invoice = (await resident.get(`orders/${orderId}`)).json().invoice;
    expect(invoice).toMatchObject({ status: 'credited', amountDueCents: 0 });
    const mark = await staff.post(`admin/invoices/${invoice.id}/paid`, {
      paidOn: localDate(new Date()),
    });
    expect(mark.statusCode).toBe(409);
    expect(mark.json().code).toBe('invoiceCredited');
  });
});
