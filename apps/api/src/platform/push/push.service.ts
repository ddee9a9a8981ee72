import { ECDH } from 'node:crypto';
import { inTenant } from '../db/database.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import { requireUser, type Ctx } from '../http/context.js';
import type { Config } from '../../config.js';
import { vapidKeys } from './vapid.js';
import * as repo from './push.repo.js';
import { DEFAULT_ENABLED, TOPICS, type Channel, type Topic } from './topics.js';

/** The public VAPID key the browser subscribes with (applicationServerKey). */
export async function getPushConfig(ctx: Ctx, config: Pick<Config, 'push'>) {
  return { publicKey: (await vapidKeys(ctx.db, config)).publicKey };
}

export interface SubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

const invalid = () => new AppError(422, 'pushSubscriptionInvalid');

function base64url(value: string): Buffer {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(value)) throw invalid();
  return Buffer.from(value, 'base64url');
}

/**
 * A subscription is a URL the server will POST to and keys it will encrypt to: the URL must
 * be https (http only in demo mode, for the local fake push service), the p256dh key a point
 * on the P-256 curve and the auth secret 16 bytes, as RFC 8291 has them.
 */
function validate(input: SubscriptionInput, allowHttp: boolean) {
  let url: URL;
  try {
    url = new URL(input.endpoint);
  } catch {
    throw invalid();
  }
  const schemeOk = url.protocol === 'https:' || (allowHttp && url.protocol === 'http:');
  if (!schemeOk || url.username || url.password || !url.hostname) throw invalid();
  const p256dh = base64url(input.keys.p256dh);
  if (p256dh.length !== 65 || p256dh[0] !== 4) throw invalid();
  try {
    ECDH.convertKey(p256dh, 'prime256v1');
  } catch {
    throw invalid();
  }
  if (base64url(input.keys.auth).length !== 16) throw invalid();
}

/** A short label of the browser and system, so a person can tell their devices apart. */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/SamsungBrowser\//, 'Samsung Internet'],
      [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ].find(([re]) => (re as RegExp).test(ua))?.[1] ?? '';
  const system =
    [
      [/Android/, 'Android'],
      [/iPhone|iPad/, 'iOS'],
      [/Windows/, 'Windows'],
      [/Mac OS X/, 'macOS'],
      [/Linux/, 'Linux'],
    ].find(([re]) => (re as RegExp).test(ua))?.[1] ?? '';
  return [browser, system].filter(Boolean).join(' / ').slice(0, 200);
}

export async function subscribePush(
  ctx: Ctx,
  input: SubscriptionInput,
  userAgent: string | undefined,
  allowHttp: boolean,
) {
  requireUser(ctx);
  validate(input, allowHttp);
  const label = deviceLabel(userAgent);
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const subscription = {
      municipalityId: ctx.municipality.id,
      personId: ctx.actor.personId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      userAgent: label,
    };
    // The settings page confirms the device's subscription on every visit: nothing to record.
    const same = await repo.findSame(tx, subscription);
    if (same) return { id: same };
    const id = await repo.upsertSubscription(tx, subscription);
    await audit(tx, ctx, 'push.subscribe', `push_subscription:${id}`, { device: label });
    return { id };
  });
}

/** Stop pushes to one device of the person. Unknown endpoints are already unsubscribed. */
export async function unsubscribePush(ctx: Ctx, endpoint: string): Promise<void> {
  requireUser(ctx);
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const id = await repo.deleteSubscription(tx, ctx.actor.personId, endpoint);
    if (id) await audit(tx, ctx, 'push.unsubscribe', `push_subscription:${id}`);
  });
}

export interface PreferencesView {
  topics: { topic: Topic; email: boolean; push: boolean }[];
  /** How many devices of the person receive pushes. */
  pushDevices: number;
}

export async function getNotificationPreferences(ctx: Ctx): Promise<PreferencesView> {
  requireUser(ctx);
  const personId = ctx.actor.personId;
  return inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    const rows = await repo.preferencesOf(tx, [personId], [...TOPICS]);
    const enabled = (topic: Topic, channel: Channel) =>
      rows.find((r) => r.topic === topic && r.channel === channel)?.enabled ?? DEFAULT_ENABLED;
    return {
      topics: TOPICS.map((topic) => ({
        topic,
        email: enabled(topic, 'email'),
        push: enabled(topic, 'push'),
      })),
      pushDevices: await repo.countSubscriptions(tx, personId),
    };
  });
}

export async function updateNotificationPreferences(
  ctx: Ctx,
  changes: { topic: Topic; channel: Channel; enabled: boolean }[],
) {
  requireUser(ctx);
  // One row per topic and channel; a switch named twice ends as it was named last.
  const last = new Map(changes.map((c) => [`${c.topic}/${c.channel}`, c]));
  await inTenant(ctx.db, ctx.municipality.id, async (tx) => {
    await repo.setPreferences(tx, ctx.municipality.id, ctx.actor.personId, [...last.values()]);
    await audit(tx, ctx, 'notification.preferences', `person:${ctx.actor.personId}`, {
      changes,
    });
  });
  return getNotificationPreferences(ctx);
}
