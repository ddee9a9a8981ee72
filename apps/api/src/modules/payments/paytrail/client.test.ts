import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaytrailClient, PaytrailError } from './client.js';
import { startFakePaytrail, type FakePaytrail } from './fake-server.js';
import { verifyPaytrailSignature } from './signature.js';

const ACCOUNT = '375917';
const SECRET = 'SAIPPUAKAUPPIAS';

let fake: FakePaytrail;
let client: PaytrailClient;
let shop: Server;
let shopUrl: string;
const callbacks: URLSearchParams[] = [];

beforeAll(async () => {
  fake = await startFakePaytrail(ACCOUNT, SECRET);
  client = new PaytrailClient({ baseUrl: fake.url, account: ACCOUNT, secret: SECRET });
  // Stands for Helppo's callback address.
  shop = createServer((req, res) => {
    callbacks.push(new URL(req.url ?? '/', 'http://x').searchParams);
    res.end('ok');
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await fake?.close();
  await new Promise((resolve) => shop?.close(resolve));
});

const payment = (stamp: string, amountCents = 1950) => ({
  stamp,
  reference: '11112',
  amountCents,
  language: 'FI' as const,
  email: 'asukas@tyrskyla.example',
  items: [
    {
      unitPriceCents: 650,
      units: 3,
      vatRateBp: 1000,
      productCode: 'ticket',
      description: 'Uimahallin kertalippu',
    },
  ],
  redirectUrls: { success: `${shopUrl}/return/success`, cancel: `${shopUrl}/return/cancel` },
  callbackUrls: { success: `${shopUrl}/callback/success`, cancel: `${shopUrl}/callback/cancel` },
});

describe('Paytrail client against the local fake Paytrail', () => {
  it('creates a payment, and the hosted page returns signed parameters and calls back', async () => {
    const created = await client.createPayment(payment('order-1'));
    expect(created.href).toBe(`${fake.url}/pay/${created.transactionId}`);
    const page = await fetch(`${created.href}?outcome=ok`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    const back = new URL(page.headers.get('location')!);
    expect(back.pathname).toBe('/return/success');
    const params = Object.fromEntries(back.searchParams);
    const { signature, ...fields } = params;
    expect(verifyPaytrailSignature(SECRET, fields, signature!)).toBe(true);
    expect(fields).toMatchObject({
      'checkout-status': 'ok',
      'checkout-amount': '1950',
      'checkout-stamp': 'order-1',
    });
    expect(callbacks.at(-1)?.get('checkout-transaction-id')).toBe(created.transactionId);
    // A payment whose callback never came can be polled.
    expect(await client.getPayment(created.transactionId)).toMatchObject({
      status: 'ok',
      amount: 1950,
    });
  });

  it('refunds up to the amount paid', async () => {
    const created = await client.createPayment(payment('order-2'));
    await fetch(`${created.href}?outcome=ok`, { redirect: 'manual' });
    const refund = {
      refundStamp: 'r-1',
      refundReference: '11112',
      callbackUrls: payment('x').callbackUrls,
    };
    expect(
      (await client.refund(created.transactionId, { ...refund, amountCents: 650 })).status,
    ).toBe('ok');
    await expect(
      client.refund(created.transactionId, { ...refund, amountCents: 1950 }),
    ).rejects.toThrow(PaytrailError);
  });

  it('refuses what does not add up, and responses it cannot verify', async () => {
    await expect(client.createPayment(payment('order-3', 2000))).rejects.toThrow(/do not add up/);
    const wrongSecret = new PaytrailClient({
      baseUrl: fake.url,
      account: ACCOUNT,
      secret: 'wrong',
    });
    await expect(wrongSecret.createPayment(payment('order-4'))).rejects.toMatchObject({
      status: 401,
    });
    fake.forgeResponses = true;
    try {
      await expect(client.createPayment(payment('order-5'))).rejects.toThrow(
        /signature does not match/,
      );
    } finally {
      fake.forgeResponses = false;
    }
  });
});
