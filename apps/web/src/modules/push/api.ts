import { client, unwrap } from '../../api/client';
import type { operations } from '../../api/schema';

export type NotificationPreferences =
  operations['getNotificationPreferences']['responses'][200]['content']['application/json'];
export type Topic = NotificationPreferences['topics'][number]['topic'];
export type Channel = 'email' | 'push';
export type PreferenceChange = { topic: Topic; channel: Channel; enabled: boolean };
export interface SubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const p = (slug: string) => ({ params: { path: { slug } } });

/** The Web Push and notification preference operations (by operationId). */
export const pushApi = {
  getPushConfig: (slug: string) => unwrap(client.GET('/api/{slug}/push/config', p(slug))),
  subscribePush: (slug: string, body: SubscriptionJson) =>
    unwrap(client.POST('/api/{slug}/push/subscriptions', { ...p(slug), body })),
  unsubscribePush: (slug: string, endpoint: string) =>
    unwrap(client.DELETE('/api/{slug}/push/subscriptions', { ...p(slug), body: { endpoint } })),
  getNotificationPreferences: (slug: string) =>
    unwrap(client.GET('/api/{slug}/notification-preferences', p(slug))),
  updateNotificationPreferences: (slug: string, changes: PreferenceChange[]) =>
    unwrap(client.PUT('/api/{slug}/notification-preferences', { ...p(slug), body: { changes } })),
};
