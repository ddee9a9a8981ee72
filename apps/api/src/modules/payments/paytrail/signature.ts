import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Paytrail's HMAC: the `checkout-*` headers (or query parameters of a redirect or callback)
 * sorted by name, each as `name:value` on its own line, then the body (empty for a GET), all
 * joined with newlines, signed with the merchant secret using the algorithm the
 * `checkout-algorithm` field names (sha256 or sha512).
 */
export type PaytrailAlgorithm = 'sha256' | 'sha512';

export function paytrailPayload(fields: Record<string, string>, body: string): string {
  return Object.keys(fields)
    .filter((name) => name.startsWith('checkout-'))
    .sort()
    .map((name) => `${name}:${fields[name]}`)
    .concat(body)
    .join('\n');
}

export function paytrailSignature(
  secret: string,
  fields: Record<string, string>,
  body = '',
  algorithm: PaytrailAlgorithm = (fields['checkout-algorithm'] as PaytrailAlgorithm) ?? 'sha256',
): string {
  if (algorithm !== 'sha256' && algorithm !== 'sha512')
    throw new RangeError('unsupported algorithm');
  return createHmac(algorithm, secret).update(paytrailPayload(fields, body)).digest('hex');
}

/**
 * Verify a signed message from Paytrail (a response, or the parameters of a redirect or
 * callback) in constant time. The algorithm is taken from the message but must be one of the
 * two Paytrail uses.
 */
export function verifyPaytrailSignature(
  secret: string,
  fields: Record<string, string>,
  signature: string,
  body = '',
): boolean {
  const algorithm = fields['checkout-algorithm'];
  if (algorithm !== 'sha256' && algorithm !== 'sha512') return false;
  const expected = Buffer.from(paytrailSignature(secret, fields, body, algorithm), 'hex');
  const given = Buffer.from(/^[0-9a-f]+$/i.test(signature) ? signature.toLowerCase() : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
