import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { loggedIn, startRuntime } from '../../../test/helpers.js';
import { asSystem } from '../db/database.js';
import { ConfigError, loadConfig } from '../../config.js';
import { startFakePushService, type FakePushService } from './fake-push-service.js';

/**
 * The VAPID configuration, and the fake push service itself: it must refuse what a real push
 * service refuses, or the delivery tests against it would prove nothing.
 */
let rt: Awaited<ReturnType<typeof startRuntime>>;
let push: FakePushService;
let publicKey: string;

beforeAll(async () => {
  rt = await startRuntime();
  const admin = await loggedIn(rt.app, 'admin@tyrskyla.example');
  publicKey = (await admin.get('push/config')).json().publicKey;
  push = await startFakePushService({ vapidPublicKey: publicKey });
});
afterAll(async () => {
  await push?.close();
  await rt?.dispose();
});

describe('VAPID and the fake push service', () => {
  it('has a fake push service that refuses what a real one would', async () => {
    const browser = push.subscribe();
    const send = (keys: { publicKey: string; privateKey: string }, encoding = 'aes128gcm') => {
      const request = webpush.generateRequestDetails(browser.json, 'hei', {
        vapidDetails: { subject: 'mailto:a@b.example', ...keys },
        contentEncoding: encoding as 'aes128gcm',
      });
      return fetch(request.endpoint, {
        method: 'POST',
        headers: request.headers as Record<string, string>,
        body: request.body,
      });
    };
    // Signed with another server's key than the one the service expects.
    expect((await send(webpush.generateVAPIDKeys())).status).toBe(403);
    // The right public key with a signature that is not its own.
    const other = webpush.generateVAPIDKeys();
    expect((await send({ publicKey, privateKey: other.privateKey })).status).toBe(403);
    // The legacy encoding is not RFC 8291.
    const keys = (await asSystem(rt.db, (tx) =>
      tx
        .selectFrom('instance_settings')
        .select('value')
        .where('key', '=', 'vapid_keys')
        .executeTakeFirstOrThrow(),
    )) as { value: string };
    expect((await send(JSON.parse(keys.value), 'aesgcm')).status).toBe(401);
    const ok = await send(JSON.parse(keys.value));
    expect(ok.status).toBe(201);
    expect(push.received.at(-1)!.text).toBe('hei');
    expect(push.refused.map((r) => r.status)).toEqual([403, 403, 401]);
    push.refused.length = 0;
  });

  it('takes the VAPID keys from the environment when given, both or neither', () => {
    const keys = {
      VAPID_PUBLIC_KEY: publicKey,
      VAPID_PRIVATE_KEY: 'A'.repeat(43),
      VAPID_SUBJECT: 'https://palvelut.tyrskyla.fi/yhteystiedot',
    };
    const config = loadConfig(keys);
    expect(config.push).toEqual({
      keys: { publicKey, privateKey: keys.VAPID_PRIVATE_KEY },
      subject: keys.VAPID_SUBJECT,
    });
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey })).toThrow(ConfigError);
    expect(() => loadConfig({ ...keys, VAPID_PRIVATE_KEY: 'short' })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => loadConfig({ VAPID_SUBJECT: 'http://x.example' })).toThrow(/VAPID_SUBJECT/);
    expect(loadConfig({ MAIL_FROM: 'Tyrskylä <noreply@tyrskyla.fi>' }).push.subject).toBe(
      'mailto:noreply@tyrskyla.fi',
    );
  });
});
