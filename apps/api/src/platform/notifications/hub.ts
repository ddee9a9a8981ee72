import type { Database, Tx } from '../db/database.js';

export const NOTIFICATION_CHANNEL = 'helppo_notifications';

export interface NotificationEvent {
  municipalityId: string;
  personId: string;
  /** created/read: a notification; counter: one of the streamCounters changed. */
  kind: 'created' | 'read' | 'counter';
  notificationId?: string;
  counter?: string;
}

/**
 * Other unread badges that ride the same live stream (one stream per browser): a module
 * registers a counter by name, and the stream sends an event of that name, `{unreadCount}`,
 * at start and whenever a `counter` event names it. The reader must be cheap (the daycare
 * messages read one row).
 */
export const streamCounters = new Map<string, (tx: Tx, personId: string) => Promise<number>>();

/**
 * Optional: a counter's reader for many people at once (person id → value; missing: 0), used
 * when one change reaches many streams (counter-batch.ts). Without one the single reader runs
 * for each person, still in one transaction.
 */
export const streamCounterBatches = new Map<
  string,
  (tx: Tx, personIds: string[]) => Promise<Map<string, number>>
>();

interface Subscriber {
  onEvent: (event: NotificationEvent) => void;
  onClose: () => void;
}

/**
 * Fans notification events out to the live streams of this process. Events travel through
 * PostgreSQL NOTIFY, which is delivered on commit to every listening process, so a
 * notification written by one API process reaches a browser connected to another.
 */
export class NotificationHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(NOTIFICATION_CHANNEL, (payload) => {
      let event: NotificationEvent;
      try {
        event = JSON.parse(payload) as NotificationEvent;
      } catch {
        return;
      }
      for (const subscriber of this.subscribers.get(key(event.municipalityId, event.personId)) ??
        []) {
        subscriber.onEvent(event);
      }
    });
  }

  subscribe(municipalityId: string, personId: string, subscriber: Subscriber): () => void {
    const k = key(municipalityId, personId);
    const set = this.subscribers.get(k) ?? new Set();
    set.add(subscriber);
    this.subscribers.set(k, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(k);
    };
  }

  get connectionCount(): number {
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  /** End every open stream (graceful shutdown) and stop listening. */
  async stop(): Promise<void> {
    for (const set of this.subscribers.values()) for (const s of set) s.onClose();
    this.subscribers.clear();
    await this.unlisten?.();
    this.unlisten = null;
  }
}

function key(municipalityId: string, personId: string) {
  return `${municipalityId}:${personId}`;
}
