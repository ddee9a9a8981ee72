import { startFakePushService } from '../platform/push/fake-push-service.js';

/**
 * See a person's pushes without a browser vendor's push service: starts the project's fake
 * push service, logs in to a running Helppo in demo mode (which accepts http push endpoints)
 * as the person, subscribes a device there, and prints every push, decrypted, as it arrives.
 *
 *   npm run push:listen -w apps/api -- huoltaja@tyrskyla.example [slug]
 *
 * HELPPO_URL is the server (default http://localhost:3000); the password is the demo one.
 */
const base = process.env.HELPPO_URL ?? 'http://localhost:3000';
const [email = 'huoltaja@tyrskyla.example', slug = 'tyrskyla'] = process.argv.slice(2);
const cookies = new Map<string, string>();
let csrf = '';

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}/api/${slug}/${path}`, {
    method,
    headers: {
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  for (const header of response.headers.getSetCookie()) {
    const [pair = ''] = header.split(';');
    cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  }
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
}

csrf = ((await call('GET', 'session')) as { csrfToken: string }).csrfToken;
csrf = ((await call('POST', 'session', { email, password: 'demo' })) as { csrfToken: string })
  .csrfToken;
const { publicKey } = (await call('GET', 'push/config')) as { publicKey: string };
const service = await startFakePushService({ vapidPublicKey: publicKey });
const device = service.subscribe();
await call('POST', 'push/subscriptions', device.json);
console.log(`Listening to the pushes of ${email} (${slug}); Ctrl+C to stop.`);

let shown = 0;
const timer = setInterval(() => {
  for (const push of service.received.slice(shown)) {
    console.log(`${new Date().toISOString()} urgency=${push.urgency} ttl=${push.ttl}`);
    console.log(`  ${push.text}`);
  }
  for (const refused of service.refused) console.log(`refused: ${refused.reason}`);
  service.refused.length = 0;
  shown = service.received.length;
}, 500);

process.once('SIGINT', () => {
  clearInterval(timer);
  void call('DELETE', 'push/subscriptions', { endpoint: device.json.endpoint })
    .catch(() => undefined)
    .finally(() => void service.close().then(() => process.exit(0)));
});
