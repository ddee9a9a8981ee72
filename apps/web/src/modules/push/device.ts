import { pushApi } from './api';

/**
 * This browser's side of Web Push: the service worker (public/sw.js) and the push
 * subscription made with the server's VAPID key.
 */

export const pushSupported = () =>
  typeof window !== 'undefined' &&
  'serviceWorker' in navigator &&
  'PushManager' in window &&
  'Notification' in window;

/** Register the service worker once the page has loaded (it shows pushes; it caches nothing). */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // Without it there are no pushes on this device; everything else works.
      console.warn('Service worker registration failed', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** This device's current subscription, if it has one and notifications are allowed. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported() || Notification.permission !== 'granted') return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export type EnableResult = 'subscribed' | 'denied' | 'unsupported' | 'failed';

/** Ask for permission and subscribe with the server's VAPID key. */
export async function subscribeDevice(
  vapidPublicKey: string,
): Promise<{ result: EnableResult; subscription?: PushSubscription }> {
  if (!pushSupported()) return { result: 'unsupported' };
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return { result: 'denied' };
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  const registration = await navigator.serviceWorker.ready;
  const key = keyBytes(vapidPublicKey);
  let subscription = await registration.pushManager.getSubscription();
  // A subscription made with another key (the server's keys were replaced) cannot be used.
  const old = subscription?.options.applicationServerKey;
  if (subscription && old && !sameBytes(new Uint8Array(old), key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  try {
    subscription ??= await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: key,
    });
  } catch (error) {
    // The browser could not reach its push service (offline, or none, as in a test browser).
    console.warn('Push subscription failed', error);
    return { result: 'failed' };
  }
  return { result: 'subscribed', subscription };
}

function sameBytes(a: Uint8Array, b: Uint8Array) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The subscription as the API takes it. */
export function subscriptionJson(subscription: PushSubscription) {
  const json = subscription.toJSON();
  return {
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  };
}

/**
 * On logout: this device stops receiving the person's pushes (a shared tablet must not show
 * the previous user's notices). Best effort: logging out goes on whatever happens here.
 */
export async function forgetThisDevice(slug: string): Promise<void> {
  try {
    const subscription = await currentSubscription();
    if (!subscription) return;
    await pushApi.unsubscribePush(slug, subscription.endpoint).catch(() => undefined);
    await subscription.unsubscribe();
  } catch {
    // No service worker or no permission: nothing was pushed here.
  }
}
