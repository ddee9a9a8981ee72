import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loggedIn, localInstant, startRuntime } from '../../../test/helpers.js';
import { JobWorker } from '../../platform/jobs/worker.js';
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

/** Make the jobs of a kind due now and run every due job. */
async function runJobsNow(kind: string) {
  await asSystem(rt.db, (tx) =>
    sql`update jobs set run_at = now() where kind = ${kind} and done_at is null`.execute(tx),
  );
  await new JobWorker(rt.db, rt.jobHandlers, rt.app.log).wake();
}

describe('Paytrail after the checkout', () => {
  it('asks Paytrail about a payment whose callback never came, and settles it', async () => {
    const buyer = await loggedIn(rt.app, 'admin@tyrskyla.example');
    await buyer.put(`cart/lines/${ticket}`, { quantity: 1 });
    const checkout = (await buyer.post('checkout')).json() as { orderId: string };
    const transaction = [...fake.transactions.values()].find(
      (t) => t.reference === checkout.orderId,
    )!;
    // Still open at Paytrail: the poll leaves it and asks again later.
    await runJobsNow('payments.poll');
    expect(await statusOf(checkout.orderId)).toEqual({ order: 'pending', payments: ['created'] });
    // The buyer paid, but neither the callback nor the browser came back.
    transaction.status = 'ok';
    await runJobsNow('payments.poll');
    expect(await statusOf(checkout.orderId)).toEqual({ order: 'paid', payments: ['paid'] });
  });

  it('refunds a cancelled booking through Paytrail', async () => {
    const buyer = await loggedIn(rt.app, 'asukas@tyrskyla.example');
    const day = await asSystem(rt.db, async (tx) => {
      const result = await sql<{ d: number }>`
        select min(d)::int as d from generate_series(5, 40) as d
        where not exists (select 1 from opening_exceptions e join resources r on r.id = e.resource_id
                          where r.name_fi = 'Rantasauna' and e.day = current_date + d)`.execute(tx);
      return result.rows[0]!.d;
    });
    const sauna = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('resources')
        .select('id')
        .where('name_fi', '=', 'Rantasauna')
        .executeTakeFirstOrThrow(),
    );
    const booking = (
      await buyer.post('reservations', {
        resourceId: sauna.id,
        start: await localInstant(rt.db, day, '18:00'),
        end: await localInstant(rt.db, day, '19:00'),
        termsVersion: 1, // the demo sauna's terms of use
      })
    ).json() as { id: string };
    const checkout = (await buyer.post('checkout')).json() as {
      orderId: string;
      redirectUrl: string;
    };
    const browser = new Browser();
    const paid = await browser.fetch(new URL(`${checkout.redirectUrl}?outcome=ok`));
    await browser.fetch(new URL(paid.headers.get('location')!));
    expect(await statusOf(checkout.orderId)).toMatchObject({ order: 'paid' });
    const cancelled = await buyer.post(`reservations/${booking.id}/cancel`, {});
    expect(cancelled.json()).toMatchObject({ refundedCents: 800 });
    await runJobsNow('payments.refund');
    const refund = await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('refunds')
        .select(['status', 'provider', 'provider_reference'])
        .where('reservation_id', '=', booking.id)
        .executeTakeFirstOrThrow(),
    );
    expect(refund).toMatchObject({ status: 'done', provider: 'paytrail' });
    expect(refund.provider_reference).toBeTruthy();
    const transaction = [...fake.transactions.values()].find(
      (t) => t.reference === checkout.orderId,
    )!;
    expect(transaction.refunds).toBe(800);
  });
});
