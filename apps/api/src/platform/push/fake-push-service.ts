import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  randomUUID,
  verify,
  type ECDH,
} from 'node:crypto';

/**
 * A local push service that speaks the real protocol, for tests and for trying Web Push
 * without a browser vendor's service: RFC 8030 (POST to the subscription's endpoint with TTL
 * and Urgency), RFC 8292 VAPID (`Authorization: vapid t=<JWT>, k=<public key>`; the ES256
 * signature is verified with k, and aud, exp and sub are checked) and RFC 8291 aes128gcm
 * payloads, decrypted with the subscription's private key that subscribe() generated as a
 * browser would. Whatever breaks the protocol is refused with 400/401/403 and noted.
 */

export interface FakeSubscription {
  id: string;
  /** As the browser's PushSubscription.toJSON() gives it: what subscribePush takes. */
  json: { endpoint: string; keys: { p256dh: string; auth: string } };
}

export interface ReceivedPush {
  subscriptionId: string;
  ttl: number;
  urgency: string;
  /** The VAPID public key (k) that signed the request. */
  vapidKey: string;
  claims: { aud: string; exp: number; sub: string };
  /** The decrypted payload. */
  text: string;
}

interface Browser {
  ecdh: ECDH;
  publicKey: Buffer;
  auth: Buffer;
  /** What to answer from now on (201 by default; 410 when the browser has unsubscribed). */
  status: number;
}

const b64 = (b: Buffer) => b.toString('base64url');

function verifyVapid(header: string | undefined, origin: string, expectedKey?: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new HttpError(401, 'no VAPID authorization');
  const [, jwt, k] = match as unknown as [string, string, string];
  const key = Buffer.from(k, 'base64url');
  if (key.length !== 65 || key[0] !== 4) throw new HttpError(401, 'k is not a P-256 point');
  if (expectedKey && k !== expectedKey) throw new HttpError(403, 'unexpected VAPID key');
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) throw new HttpError(401, 'malformed JWT');
  const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>;
  if (head.alg !== 'ES256') throw new HttpError(401, 'JWT is not ES256');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64(key.subarray(1, 33)), y: b64(key.subarray(33)) },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!signed) throw new HttpError(403, 'bad JWT signature');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as ReceivedPush['claims'];
  const now = Date.now() / 1000;
  if (claims.aud !== origin) throw new HttpError(403, `aud ${claims.aud} is not ${origin}`);
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) throw new HttpError(403, 'bad exp');
  if (!/^(mailto:|https:)/.test(claims.sub ?? '')) throw new HttpError(403, 'bad sub');
  return { vapidKey: k, claims };
}

/** RFC 8291 / RFC 8188: the browser's side of the payload encryption. */
function decrypt(body: Buffer, browser: Browser): string {
  if (body.length < 21 + 65 + 17) throw new HttpError(400, 'payload too short');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idLength = body[20]!;
  const serverKey = body.subarray(21, 21 + idLength);
  if (idLength !== 65 || rs < 18) throw new HttpError(400, 'bad aes128gcm header');
  const secret = browser.ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.publicKey, serverKey]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, browser.auth, keyInfo, 32));
  const derive = (info: string, length: number) =>
    Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(info), length));
  const cek = derive('Content-Encoding: aes128gcm\0', 16);
  const nonce = derive('Content-Encoding: nonce\0', 12);
  const records = body.subarray(21 + idLength);
  const parts: Buffer[] = [];
  for (let seq = 0, at = 0; at < records.length; seq++, at += rs) {
    const record = records.subarray(at, at + rs);
    const iv = Buffer.from(nonce);
    // The record number is XORed into the nonce's low end (a payload has few records).
    iv.writeUInt32BE((iv.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', cek, iv);
    decipher.setAuthTag(record.subarray(record.length - 16));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(record.subarray(0, -16)), decipher.final()]);
    } catch {
      throw new HttpError(400, 'payload does not decrypt');
    }
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    const last = at + rs >= records.length;
    if (plain[end] !== (last ? 2 : 1)) throw new HttpError(400, 'bad padding delimiter');
    parts.push(plain.subarray(0, end));
  }
  return Buffer.concat(parts).toString('utf8');
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakePushService(options: { vapidPublicKey?: string } = {}) {
  const browsers = new Map<string, Browser>();
  const received: ReceivedPush[] = [];
  const refused: { status: number; reason: string }[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1];
      const browser = id ? browsers.get(id) : undefined;
      try {
        if (request.method !== 'POST') throw new HttpError(405, 'POST only');
        if (!id || !browser) throw new HttpError(404, 'no such subscription');
        const body = await readBody(request);
        const auth = verifyVapid(request.headers.authorization, url, options.vapidPublicKey);
        const ttl = Number(request.headers.ttl);
        if (!Number.isInteger(ttl) || ttl < 0) throw new HttpError(400, 'TTL header missing');
        const urgency = String(request.headers.urgency ?? 'normal');
        if (!['very-low', 'low', 'normal', 'high'].includes(urgency)) {
          throw new HttpError(400, 'bad Urgency');
        }
        if (request.headers['content-encoding'] !== 'aes128gcm') {
          throw new HttpError(415, 'aes128gcm only');
        }
        if (browser.status !== 201) {
          response.writeHead(browser.status).end();
          return;
        }
        const text = decrypt(body, browser);
        received.push({ subscriptionId: id, ttl, urgency, ...auth, text });
        response.writeHead(201, { location: `${url}/message/${randomUUID()}` }).end();
      } catch (error) {
        const status = error instanceof HttpError ? error.status : 500;
        refused.push({ status, reason: String((error as Error).message) });
        response.writeHead(status, { 'content-type': 'text/plain' }).end((error as Error).message);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    received,
    refused,
    /** A new browser subscription: its key pair and auth secret, as a browser makes them. */
    subscribe(): FakeSubscription {
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomUUID();
      browsers.set(id, { ecdh, publicKey, auth, status: 201 });
      return {
        id,
        json: { endpoint: `${url}/push/${id}`, keys: { p256dh: b64(publicKey), auth: b64(auth) } },
      };
    },
    /** Answer this status to the subscription's pushes from now on (410: gone, 500: down). */
    answer(subscriptionId: string, status: number) {
      browsers.get(subscriptionId)!.status = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakePushService = Awaited<ReturnType<typeof startFakePushService>>;
