import webpush from 'web-push';
import { asSystem, type Database } from '../db/database.js';
import type { Config } from '../../config.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const SETTING = 'vapid_keys';
const cache = new WeakMap<Database, Promise<VapidKeys>>();

/**
 * The VAPID key pair (RFC 8292) that signs every push: from the environment when given,
 * otherwise generated at first start and kept in instance_settings, so every API process and
 * every restart signs with the same key and the browsers' subscriptions stay valid.
 */
export function vapidKeys(db: Database, config: Pick<Config, 'push'>): Promise<VapidKeys> {
  if (config.push.keys) return Promise.resolve(config.push.keys);
  let keys = cache.get(db);
  if (!keys) {
    keys = loadOrCreate(db);
    // A failed read (database down at start) is tried again at the next use.
    keys.catch(() => cache.delete(db));
    cache.set(db, keys);
  }
  return keys;
}

async function loadOrCreate(db: Database): Promise<VapidKeys> {
  return asSystem(db, async (tx) => {
    // Two processes starting at once both generate a pair; the first stored one wins.
    await tx
      .insertInto('instance_settings')
      .values({ key: SETTING, value: JSON.stringify(webpush.generateVAPIDKeys()) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await tx
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', SETTING)
      .executeTakeFirstOrThrow();
    const stored = JSON.parse(row.value) as Partial<VapidKeys>;
    if (typeof stored.publicKey !== 'string' || typeof stored.privateKey !== 'string') {
      throw new Error(`instance_settings ${SETTING} is not a VAPID key pair`);
    }
    return { publicKey: stored.publicKey, privateKey: stored.privateKey };
  });
}
