import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startRuntime, type Client } from '../../../test/helpers.js';
import { asSystem } from '../../platform/db/database.js';

let rt: Awaited<ReturnType<typeof startRuntime>>;
let products: Record<string, string>;

beforeAll(async () => {
  rt = await startRuntime();
  const rows = await asSystem(rt.db, (tx) =>
    tx.selectFrom('products').select(['id', 'name_fi']).execute(),
  );
  products = Object.fromEntries(rows.map((r) => [r.name_fi, r.id]));
});
afterAll(async () => rt?.dispose());

const TICKET = 'Uimahallin kertalippu';
const CARD = 'Uimahallin 10 kerran sarjakortti';
const PERMIT = 'Asukaspysäköintitunnus';

async function paidOrderFlow(client: Client) {
  await client.put(`cart/lines/${products[TICKET]}`, { quantity: 1 });
  const checkout = (await client.post('checkout')).json() as {
    orderId: string;
    paymentId: string;
    redirectUrl: string;
  };
  const page = await client.get(new URL(checkout.redirectUrl).pathname);
  const links = [...page.body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&#38;/g, '&'));
  return { ...checkout, page, pay: links[0]!, cancel: links[1]! };
}

const paymentsOf = (orderId: string) =>
  asSystem(rt.db, (tx) =>
    tx.selectFrom('payments').select(['status']).where('order_id', '=', orderId).execute(),
  );

describe('cart', () => {
  it('prices the cart on the server and adds up VAT', async () => {
    const resident = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    expect((await resident.get('cart')).json()).toMatchObject({
      id: null,
      lines: [],
      totalCents: 0,
    });
    await resident.put(`cart/lines/${products[TICKET]}`, { quantity: 2 });
    const cart = (await resident.put(`cart/lines/${products[CARD]}`, { quantity: 1 })).json();
    // 2 × 6,50 + 58,00 = 71,00 €; VAT 10 %: 1,18 + 5,27 = 6,45 €.
    expect(cart).toMatchObject({ status: 'cart', totalCents: 7100, vatCents: 645 });
    expect(cart.vat).toEqual([
      { vatRateBp: 1000, netCents: 6455, vatCents: 645, totalCents: 7100 },
    ]);
    const removed = (await resident.put(`cart/lines/${products[CARD]}`, { quantity: 0 })).json();
    expect(removed.lines).toHaveLength(1);
    expect(removed.totalCents).toBe(1300);
  });

  it('refuses prices from the client, odd quantities and products not sold to the person', async () => {
    const guardian = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    const line = `cart/lines/${products[TICKET]}`;
    expect((await guardian.put(line, { quantity: 1, unitPriceCents: 1 })).statusCode).toBe(400);
    expect((await guardian.put(line, { quantity: -1 })).statusCode).toBe(400);
    expect((await guardian.put(line, { quantity: 1.5 })).statusCode).toBe(400);
    expect((await guardian.put(line, { quantity: 11 })).json().code).toBe('quantity');
    const neighbour = await loggedIn(rt.app, 'asukas@pyharanta.example', 'tyrskyla');
    expect(
      (await neighbour.put(`cart/lines/${products[PERMIT]}`, { quantity: 1 })).json().code,
    ).toBe('notForSale');
    // A neighbour pays the non-resident price.
    expect((await neighbour.put(line, { quantity: 1 })).json().totalCents).toBe(800);
  });
});

describe('checkout and payment (demo provider)', () => {
  it('pays an order once through the hosted page and the signed return', async () => {
    const resident = await loggedIn(rt.app, 'digiryhma@tyrskyla.example');
    await resident.put(`cart/lines/${products[CARD]}`, { quantity: 1 });
    const flow = await paidOrderFlow(resident);
    expect(flow.page.headers['content-type']).toContain('text/html');
    // digiryhma@ is no resident of Tyrskylä: non-resident prices, 70,00 + 8,00 €.
    expect(flow.page.body.match(/class="amount">([^<]+)</)?.[1]).toMatch(/^78,00\s€$/);
    expect((await resident.get(`orders/${flow.orderId}`)).json()).toMatchObject({
      status: 'pending',
      totalCents: 7800,
    });

    const back = await resident.get(flow.pay);
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe(`/tyrskyla/orders/${flow.orderId}`);
    const order = (await resident.get(`orders/${flow.orderId}`)).json();
    expect(order).toMatchObject({ status: 'paid', totalCents: 7800 });
    expect(order.paidAt).not.toBeNull();
    // The cart is empty again.
    expect((await resident.get('cart')).json().id).toBeNull();
  });

  it('settles once however many times and in whatever order return and callback arrive', async () => {
    const resident = await loggedIn(rt.app, 'tilat@tyrskyla.example');
    const flow = await paidOrderFlow(resident);
    const callback = flow.pay.replace('/return?', '/callback?');
    // The callback comes first, then replays of both at the same moment.
    expect((await rt.app.inject(callback)).json()).toEqual({ status: 'paid' });
    const replays = await Promise.all([
      ...Array.from({ length: 5 }, () => rt.app.inject(callback)),
      ...Array.from({ length: 5 }, () => resident.get(flow.pay)),
    ]);
    expect(replays.every((r) => r.statusCode === 200 || r.statusCode === 302)).toBe(true);
    expect(await paymentsOf(flow.orderId)).toEqual([{ status: 'paid' }]);
    expect((await resident.get(`orders/${flow.orderId}`)).json().status).toBe('paid');
    // One receipt, however many times the payment was reported.
    const receipts = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('email_outbox')
        .select(['subject', 'text_body'])
        .where('to_address', '=', 'tilat@tyrskyla.example')
        .where('subject', 'like', 'Kuitti%')
        .execute(),
    );
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.subject).toBe(`Kuitti – tilaus ${flow.orderId.slice(0, 8)}`);
    expect(receipts[0]!.text_body).toMatch(/1 × Uimahallin kertalippu\s+8,00\s€/);
    expect(receipts[0]!.text_body).toMatch(/ALV 10 %: 0,73\s€ \(veroton 7,27\s€\)/);
  });

  it('refuses a forged or tampered signature and records nothing', async () => {
    const resident = await loggedIn(rt.app, 'varhaiskasvatus@tyrskyla.example');
    const flow = await paidOrderFlow(resident);
    const forged = flow.pay.replace(/signature=[0-9a-f]+/, `signature=${'0'.repeat(64)}`);
    const response = await rt.app.inject(forged);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('paymentSignature');
    // The cancel link's signature does not pay.
    const swapped = flow.cancel.replace('outcome=cancel', 'outcome=ok');
    expect((await rt.app.inject(swapped)).statusCode).toBe(400);
    expect(await paymentsOf(flow.orderId)).toEqual([{ status: 'created' }]);
    expect((await resident.get(`orders/${flow.orderId}`)).json().status).toBe('pending');
  });

  it('cancels a payment: the order is the cart again, and that payment can no longer be paid', async () => {
    const resident = await loggedIn(rt.app, 'admin@tyrskyla.example');
    const flow = await paidOrderFlow(resident);
    expect((await resident.get(flow.cancel)).statusCode).toBe(302);
    expect((await resident.get(flow.pay)).statusCode).toBe(302);
    expect(await paymentsOf(flow.orderId)).toEqual([{ status: 'cancelled' }]);
    expect((await resident.get(`orders/${flow.orderId}`)).json().status).toBe('cart');
    const cart = (await resident.get('cart')).json();
    expect(cart.id).toBe(flow.orderId);
    expect(cart.lines.length).toBeGreaterThan(0);
    // Paying again is a new payment of the same order.
    const again = await resident.post('checkout');
    expect(again.statusCode).toBe(200);
    expect(again.json().orderId).toBe(flow.orderId);
    expect(again.json().paymentId).not.toBe(flow.paymentId);
  });

  it('keeps orders private and refuses an empty checkout', async () => {
    const owner = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const flow = await paidOrderFlow(owner);
    const other = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    expect((await other.get(`orders/${flow.orderId}`)).statusCode).toBe(404);
    // Nor can anyone else open the payment page with its signed links.
    expect((await other.get(`payments/demo/${flow.paymentId}`)).statusCode).toBe(404);
    expect((await rt.app.inject(`/api/tyrskyla/payments/demo/${flow.paymentId}`)).statusCode).toBe(
      404,
    );
    const empty = await loggedIn(rt.app, 'admin@pyharanta.example', 'pyharanta');
    expect((await empty.post('checkout')).json().code).toBe('emptyCart');
  });
});
