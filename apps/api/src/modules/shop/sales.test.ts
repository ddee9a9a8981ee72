import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';
import { localDate } from '../../platform/i18n/time.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let orderId: string;
/** The local date the order was paid on (not "today": the test may run across midnight). */
let today: string;

beforeAll(async () => {
  rt = await startRuntime();
  const card = await asSystem(rt.db, (tx) =>
    tx
      .selectFrom('products')
      .select('id')
      .where('name_fi', '=', 'Uimahallin 10 kerran sarjakortti')
      .executeTakeFirstOrThrow(),
  );
  const buyer = await loggedIn(rt.app, 'asukas@tyrskyla.example');
  await buyer.put(`cart/lines/${card.id}`, { quantity: 2 });
  const checkout = (await buyer.post('checkout')).json() as {
    orderId: string;
    redirectUrl: string;
  };
  orderId = checkout.orderId;
  const page = await buyer.get(new URL(checkout.redirectUrl).pathname);
  const pay = /href="([^"]+)"/.exec(page.body)![1]!.replace(/&#38;/g, '&');
  expect((await buyer.get(pay)).statusCode).toBe(302);
  const paid = await asSystem(rt.db, (tx) =>
    tx.selectFrom('orders').select('paid_at').where('id', '=', orderId).executeTakeFirstOrThrow(),
  );
  today = localDate(paid.paid_at!);
});
afterAll(async () => rt?.dispose());

describe('sales for the finance office', () => {
  it('lists the paid lines of a period with net, VAT and total', async () => {
    const staff = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const sales = (await staff.get(`admin/sales?from=${today}&to=${today}`)).json().items;
    expect(sales).toEqual([
      expect.objectContaining({
        orderId,
        buyer: 'Antti Asukas',
        product: 'Uimahallin 10 kerran sarjakortti',
        quantity: 2,
        unitPriceCents: 5800,
        vatRateBp: 1000,
        netCents: 10545,
        vatCents: 1055,
        totalCents: 11600,
      }),
    ]);
    const yesterday = localDate(new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000));
    expect((await staff.get(`admin/sales?from=${yesterday}&to=${yesterday}`)).json().items).toEqual(
      [],
    );
  });

  it('exports them as CSV for the financial system, and only to staff', async () => {
    const staff = await loggedIn(rt.app, 'admin@tyrskyla.example');
    const csv = await staff.get(`admin/sales.csv?from=${today}&to=${today}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, line] = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'Maksettu;Tilaus;Ostaja;Tuote;Määrä;Yksikköhinta;ALV %;Veroton;ALV;Yhteensä;Laji',
    );
    expect(line).toMatch(
      new RegExp(
        `^${today} \\d{2}:\\d{2};${orderId};"Antti Asukas";"Uimahallin 10 kerran sarjakortti";2;58,00;10;105,45;10,55;116,00;Myynti$`,
      ),
    );
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get(`admin/sales.csv?from=${today}&to=${today}`)).statusCode).toBe(403);
    const pyharanta = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await pyharanta.get(`admin/sales?from=${today}&to=${today}`)).json().items).toEqual([]);
  });
});
