import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { Browser, freePort } from '../../../test/http-browser.js';
import { asSystem } from '../../platform/db/database.js';
import { startFakePaytrail, type FakePaytrail } from './paytrail/fake-server.js';
import { paytrailSignature } from './paytrail/signature.js';

/** The whole checkout with Paytrail as the provider, against the local fake Paytrail. */
let fake: FakePaytrail;
let rt: Awaited<ReturnType<typeof startRuntime>>;
let base: string;
let ticket: string;

beforeAll(async () => {
  fake = await startFakePaytrail('375917', 'SAIPPUAKAUPPIAS');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  rt = await startRuntime({
    PAYMENT_PROVIDER: 'paytrail',
    PAYTRAIL_URL: fake.url,
    PUBLIC_URL: base,
  });
  await rt.app.listen({ port, host: '127.0.0.1' });
  ticket = (
    await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('products')
        .select('id')
        .where('name_fi', '=', 'Uimahallin kertalippu')
        .executeTakeFirstOrThrow(),
    )
  ).id;
});
afterAll(async () => {
  await rt?.dispose();
  await fake?.close();
});

const statusOf = (orderId: string) =>
  asSystem(rt.db, async (tx) => ({
    order: (
      await tx
        .selectFrom('orders')
        .select('status')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow()
    ).status,
    payments: (
      await tx.selectFrom('payments').select('status').where('order_id', '=', orderId).execute()
    ).map((p) => p.status),
  }));

describe('checkout with Paytrail', () => {
  it('sends the buyer to Paytrail; the callback and the return settle the order once', async () => {
    const buyer = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    await buyer.put(`cart/lines/${ticket}`, { quantity: 3 });
    const checkout = (await buyer.post('checkout')).json() as {
      orderId: string;
      redirectUrl: string;
    };
    expect(checkout.redirectUrl.startsWith(`${fake.url}/pay/`)).toBe(true);
    const transaction = [...fake.transactions.values()].find(
      (t) => t.reference === checkout.orderId,
    )!;
    expect(transaction.amount).toBe(1950);

    // The bank: pay. The fake calls Helppo's callback, then returns the browser.
    const browser = new Browser();
    const paid = await browser.fetch(new URL(`${checkout.redirectUrl}?outcome=ok`));
    const back = new URL(paid.headers.get('location')!);
    expect(back.pathname).toBe('/api/tyrskyla/payments/paytrail/return');
    const returned = await browser.fetch(back);
    expect(returned.headers.get('location')).toBe(`/tyrskyla/orders/${checkout.orderId}`);
    expect(await statusOf(checkout.orderId)).toEqual({ order: 'paid', payments: ['paid'] });

    // Replays change nothing.
    const replays = await Promise.all(
      Array.from({ length: 5 }, () => fetch(back, { redirect: 'manual' })),
    );
    expect(replays.every((r) => r.status === 302)).toBe(true);
    expect(await statusOf(checkout.orderId)).toEqual({ order: 'paid', payments: ['paid'] });
  });

  it('refuses parameters that are not Paytrail’s, and a signed amount that differs', async () => {
    const buyer = await loggedIn(rt.app, 'huoltaja@tyrskyla.example');
    await buyer.put(`cart/lines/${ticket}`, { quantity: 1 });
    const checkout = (await buyer.post('checkout')).json() as {
      orderId: string;
      paymentId: string;
    };
    const fields = {
      'checkout-account': '375917',
      'checkout-algorithm': 'sha256',
      'checkout-amount': '650',
      'checkout-stamp': checkout.paymentId,
      'checkout-reference': checkout.orderId,
      'checkout-transaction-id': 'x',
      'checkout-status': 'ok',
      'checkout-provider': 'nordea',
    };
    const call = (params: Record<string, string>) =>
      rt.app.inject(`/api/tyrskyla/payments/paytrail/callback?${new URLSearchParams(params)}`);
    const forged = await call({
      ...fields,
      signature: paytrailSignature('not-the-secret', fields),
    });
    expect(forged.json().code).toBe('paymentSignature');
    const cheaper = { ...fields, 'checkout-amount': '1' };
    expect(
      (await call({ ...cheaper, signature: paytrailSignature('SAIPPUAKAUPPIAS', cheaper) }))
        .statusCode,
    ).toBe(400);
    expect(await statusOf(checkout.orderId)).toEqual({ order: 'pending', payments: ['created'] });
    // The genuine message pays it.
    const genuine = await call({
      ...fields,
      signature: paytrailSignature('SAIPPUAKAUPPIAS', fields),
    });
    expect(genuine.json()).toEqual({ status: 'paid' });
  });

  it('answers 503 and keeps the cart when Paytrail cannot be reached', async () => {
    const down = await startRuntime({
      PAYMENT_PROVIDER: 'paytrail',
      PAYTRAIL_URL: 'http://127.0.0.1:9',
    });
    try {
      const buyer = await loggedIn(down.app, 'digiryhma@tyrskyla.example');
      await buyer.put(`cart/lines/${ticket}`, { quantity: 1 });
      const response = await buyer.post('checkout');
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('paymentProvider');
      expect((await buyer.get('cart')).json()).toMatchObject({ status: 'cart', totalCents: 800 });
    } finally {
      await down.dispose();
    }
  });
});
