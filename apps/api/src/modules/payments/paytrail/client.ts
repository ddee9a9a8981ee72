import { randomUUID } from 'node:crypto';
import { paytrailSignature, verifyPaytrailSignature } from './signature.js';

/**
 * Paytrail Payment API client (https://docs.paytrail.com): create a payment, read its status
 * (for payments whose callback never came), and refund. Every request is signed, and every
 * response's signature is checked before its content is trusted.
 */
export interface PaytrailConfig {
  baseUrl: string;
  account: string;
  secret: string;
}

export class PaytrailError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface PaytrailItem {
  unitPriceCents: number;
  units: number;
  vatRateBp: number;
  productCode: string;
  description?: string;
}

export interface CreatePayment {
  stamp: string;
  reference: string;
  amountCents: number;
  language: 'FI' | 'SV' | 'EN';
  email: string;
  items: PaytrailItem[];
  redirectUrls: { success: string; cancel: string };
  callbackUrls: { success: string; cancel: string };
}

export class PaytrailClient {
  constructor(
    private readonly config: PaytrailConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    transactionId?: string,
  ): Promise<T> {
    const headers: Record<string, string> = {
      'checkout-account': this.config.account,
      'checkout-algorithm': 'sha256',
      'checkout-method': method,
      'checkout-nonce': randomUUID(),
      'checkout-timestamp': new Date().toISOString(),
      ...(transactionId ? { 'checkout-transaction-id': transactionId } : {}),
    };
    const text = body === undefined ? '' : JSON.stringify(body);
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.config.baseUrl), {
        method,
        headers: {
          ...headers,
          signature: paytrailSignature(this.config.secret, headers, text),
          ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        },
        body: text || undefined,
      });
    } catch (error) {
      throw new PaytrailError(`Paytrail could not be reached: ${(error as Error).message}`);
    }
    const responseText = await response.text();
    const signed = Object.fromEntries(
      [...response.headers].filter(([name]) => name.startsWith('checkout-')),
    );
    if (
      !verifyPaytrailSignature(
        this.config.secret,
        signed,
        response.headers.get('signature') ?? '',
        responseText,
      )
    ) {
      throw new PaytrailError('Paytrail response signature does not match', response.status);
    }
    if (!response.ok)
      throw new PaytrailError(
        `Paytrail answered ${response.status}: ${responseText}`,
        response.status,
      );
    return JSON.parse(responseText) as T;
  }

  /** Item prices must add up to the amount exactly; Paytrail refuses the payment otherwise. */
  async createPayment(
    payment: CreatePayment,
  ): Promise<{ transactionId: string; href: string; reference: string }> {
    const sum = payment.items.reduce((total, item) => total + item.unitPriceCents * item.units, 0);
    if (sum !== payment.amountCents) throw new PaytrailError('items do not add up to the amount');
    return this.request('POST', '/payments', {
      stamp: payment.stamp,
      reference: payment.reference,
      amount: payment.amountCents,
      currency: 'EUR',
      language: payment.language,
      items: payment.items.map((item) => ({
        unitPrice: item.unitPriceCents,
        units: item.units,
        vatPercentage: item.vatRateBp / 100,
        productCode: item.productCode,
        ...(item.description ? { description: item.description.slice(0, 1000) } : {}),
      })),
      customer: { email: payment.email },
      redirectUrls: payment.redirectUrls,
      callbackUrls: payment.callbackUrls,
    });
  }

  async getPayment(
    transactionId: string,
  ): Promise<{ transactionId: string; status: string; amount: number }> {
    return this.request(
      'GET',
      `/payments/${encodeURIComponent(transactionId)}`,
      undefined,
      transactionId,
    );
  }

  async refund(
    transactionId: string,
    refund: {
      refundStamp: string;
      refundReference: string;
      amountCents: number;
      callbackUrls: { success: string; cancel: string };
    },
  ): Promise<{ transactionId: string; status: string }> {
    return this.request(
      'POST',
      `/payments/${encodeURIComponent(transactionId)}/refund`,
      {
        refundStamp: refund.refundStamp,
        refundReference: refund.refundReference,
        amount: refund.amountCents,
        callbackUrls: refund.callbackUrls,
      },
      transactionId,
    );
  }
}
