import { describe, expect, it } from 'vitest';
import { paytrailPayload, paytrailSignature, verifyPaytrailSignature } from './signature.js';

// Paytrail's public test merchant.
const ACCOUNT = '375917';
const SECRET = 'SAIPPUAKAUPPIAS';

describe('Paytrail HMAC', () => {
  it('signs a request as in the published example', () => {
    const headers = {
      'checkout-account': ACCOUNT,
      'checkout-algorithm': 'sha256',
      'checkout-method': 'POST',
    };
    const body = {
      stamp: 'should-be-unique-for-merchant',
      reference: '3759170',
      amount: 1525,
      currency: 'EUR',
      language: 'FI',
      items: [
        {
          unitPrice: 1525,
          units: 1,
          vatPercentage: 24,
          productCode: '#1234',
          deliveryDate: '2018-09-01',
        },
      ],
      customer: { email: 'test.customer@example.com' },
      redirectUrls: {
        success: 'https://ecom.example.com/cart/success',
        cancel: 'https://ecom.example.com/cart/cancel',
      },
    };
    expect(paytrailSignature(SECRET, headers, JSON.stringify(body))).toBe(
      '84b454005a4f087076ad86cee8b4a646b18982998de7221db57646743cda7b81',
    );
  });

  it('orders the fields and ignores everything but checkout-* ones', () => {
    expect(paytrailPayload({ 'checkout-b': '2', signature: 'x', 'checkout-a': '1' }, '')).toBe(
      'checkout-a:1\ncheckout-b:2\n',
    );
  });

  it('verifies redirect and callback parameters, and refuses any change', () => {
    const params = {
      'checkout-account': ACCOUNT,
      'checkout-algorithm': 'sha512',
      'checkout-amount': '2964',
      'checkout-stamp': '15336332710015',
      'checkout-reference': '192387192837195',
      'checkout-transaction-id': '4b300af6-9a22-11e8-9184-abb6de7fd2d0',
      'checkout-status': 'ok',
      'checkout-provider': 'nordea',
    };
    const signature = paytrailSignature(SECRET, params);
    expect(signature).toHaveLength(128);
    expect(verifyPaytrailSignature(SECRET, params, signature)).toBe(true);
    expect(verifyPaytrailSignature(SECRET, params, signature.toUpperCase())).toBe(true);
    expect(verifyPaytrailSignature(SECRET, { ...params, 'checkout-amount': '1' }, signature)).toBe(
      false,
    );
    expect(
      verifyPaytrailSignature(SECRET, { ...params, 'checkout-status': 'fail' }, signature),
    ).toBe(false);
    expect(verifyPaytrailSignature('other-secret', params, signature)).toBe(false);
    expect(
      verifyPaytrailSignature(SECRET, { ...params, 'checkout-algorithm': 'md5' }, signature),
    ).toBe(false);
    expect(verifyPaytrailSignature(SECRET, params, 'not-hex')).toBe(false);
  });
});
