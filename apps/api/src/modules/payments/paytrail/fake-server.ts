import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { paytrailSignature, verifyPaytrailSignature } from './signature.js';

/**
 * A local stand-in for Paytrail that speaks the same API: signed requests are checked,
 * responses are signed, the hosted payment page returns the browser with signed parameters
 * and calls the callback address. Shipped for tests and offline development; it moves no
 * money and keeps its state in memory.
 */
interface Transaction {
  id: string;
  stamp: string;
  reference: string;
  amount: number;
  status: 'new' | 'ok' | 'fail';
  redirectUrls: { success: string; cancel: string };
  callbackUrls: { success: string; cancel: string };
  refunds: number;
}

export interface FakePaytrail {
  url: string;
  transactions: Map<string, Transaction>;
  /** Sign responses with another secret, to test that the client refuses them. */
  forgeResponses: boolean;
  close(): Promise<void>;
}

async function read(req: IncomingMessage) {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

export async function startFakePaytrail(account: string, secret: string): Promise<FakePaytrail> {
  const transactions = new Map<string, Transaction>();
  const state = { forgeResponses: false };

  const send = (res: ServerResponse, status: number, body: unknown, transactionId?: string) => {
    const text = JSON.stringify(body);
    const headers: Record<string, string> = {
      'checkout-account': account,
      'checkout-algorithm': 'sha256',
      ...(transactionId ? { 'checkout-transaction-id': transactionId } : {}),
    };
    const signature = paytrailSignature(state.forgeResponses ? 'forged' : secret, headers, text);
    res.writeHead(status, {
      ...headers,
      signature,
      'content-type': 'application/json; charset=utf-8',
    });
    res.end(text);
  };

  const signedParams = (t: Transaction, status: 'ok' | 'fail') => {
    const params: Record<string, string> = {
      'checkout-account': account,
      'checkout-algorithm': 'sha256',
      'checkout-amount': String(t.amount),
      'checkout-stamp': t.stamp,
      'checkout-reference': t.reference,
      'checkout-transaction-id': t.id,
      'checkout-status': status,
      'checkout-provider': 'fake-bank',
    };
    return new URLSearchParams({ ...params, signature: paytrailSignature(secret, params) });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = req.method === 'POST' ? await read(req) : '';
    if (url.pathname.startsWith('/pay/')) {
      // The hosted page: ?outcome=ok|fail decides, as the bank would.
      const t = transactions.get(url.pathname.slice(5));
      if (!t) return send(res, 404, { status: 'error', message: 'no such transaction' });
      const outcome = url.searchParams.get('outcome') === 'ok' ? 'ok' : 'fail';
      t.status = outcome;
      const params = signedParams(t, outcome);
      const callback = outcome === 'ok' ? t.callbackUrls.success : t.callbackUrls.cancel;
      await fetch(`${callback}?${params}`).catch(() => undefined);
      res.writeHead(302, {
        location: `${outcome === 'ok' ? t.redirectUrls.success : t.redirectUrls.cancel}?${params}`,
      });
      return res.end();
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => name.startsWith('checkout-')),
    ) as Record<string, string>;
    if (
      headers['checkout-account'] !== account ||
      !verifyPaytrailSignature(secret, headers, String(req.headers.signature ?? ''), body)
    ) {
      return send(res, 401, { status: 'error', message: 'Invalid signature' });
    }
    if (req.method === 'POST' && url.pathname === '/payments') {
      const payment = JSON.parse(body) as {
        stamp: string;
        reference: string;
        amount: number;
        items: { unitPrice: number; units: number }[];
        redirectUrls: Transaction['redirectUrls'];
        callbackUrls: Transaction['callbackUrls'];
      };
      const sum = payment.items.reduce((s, i) => s + i.unitPrice * i.units, 0);
      if (sum !== payment.amount)
        return send(res, 400, { status: 'error', message: 'Item sum does not match amount' });
      if ([...transactions.values()].some((t) => t.stamp === payment.stamp)) {
        return send(res, 400, { status: 'error', message: 'Duplicate stamp' });
      }
      const id = randomUUID();
      transactions.set(id, { id, ...payment, status: 'new', refunds: 0 });
      return send(
        res,
        201,
        {
          transactionId: id,
          href: `${server.url}/pay/${id}`,
          reference: payment.reference,
          providers: [],
        },
        id,
      );
    }
    const match = /^\/payments\/([^/]+)(\/refund)?$/.exec(url.pathname);
    const t = match ? transactions.get(decodeURIComponent(match[1]!)) : undefined;
    if (!t) return send(res, 404, { status: 'error', message: 'Not found' });
    if (req.method === 'GET' && !match![2])
      return send(res, 200, { transactionId: t.id, status: t.status, amount: t.amount }, t.id);
    if (req.method === 'POST' && match![2]) {
      const refund = JSON.parse(body) as { amount: number };
      if (t.status !== 'ok' || refund.amount > t.amount - t.refunds) {
        return send(res, 400, { status: 'error', message: 'Refund not possible' }, t.id);
      }
      t.refunds += refund.amount;
      return send(
        res,
        201,
        { provider: 'fake-bank', status: 'ok', transactionId: randomUUID() },
        t.id,
      );
    }
    return send(res, 405, { status: 'error', message: 'Method not allowed' });
  };

  const http: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, 500, { status: 'error', message: String(error) }),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const server: FakePaytrail = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    transactions,
    get forgeResponses() {
      return state.forgeResponses;
    },
    set forgeResponses(value: boolean) {
      state.forgeResponses = value;
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
  return server;
}
