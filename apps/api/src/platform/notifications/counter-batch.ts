import { sql } from 'kysely';
import { inTenant, type Database } from '../db/database.js';
import { streamCounterBatches, streamCounters } from './hub.js';

interface Waiting {
  personId: string;
  sessionId: string;
  resolve: (count: number | null) => void;
  reject: (error: unknown) => void;
}

/**
 * The new value of a counter for many live streams in one transaction. A bulletin to a unit
 * changes a thousand guardians' counters in one commit, and each of their streams must read
 * its own: one by one that is a thousand transactions (session check and counter each) racing
 * for the pool, so the last stream hears of it seconds later. Reads that arrive while a batch
 * is in the database wait and go together in the next one: per municipality and counter, one
 * statement for the sessions still live and one for the counters.
 */
export class CounterBatch {
  private waiting = new Map<string, Waiting[]>();
  private running: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(private readonly db: Database) {}

  /** The counter's value for the person, or null when the stream's session has ended. */
  read(municipalityId: string, counter: string, personId: string, sessionId: string) {
    return new Promise<number | null>((resolve, reject) => {
      const key = `${municipalityId} ${counter}`;
      const list = this.waiting.get(key) ?? [];
      list.push({ personId, sessionId, resolve, reject });
      this.waiting.set(key, list);
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    this.running = this.running.then(async () => {
      // Let the rest of this burst of events arrive before taking the batch.
      await new Promise((resolve) => setImmediate(resolve));
      this.scheduled = false;
      const batches = [...this.waiting];
      this.waiting.clear();
      await Promise.all(batches.map(([key, list]) => this.run(key, list)));
    });
  }

  private async run(key: string, list: Waiting[]) {
    const [municipalityId = '', counter = ''] = key.split(' ');
    try {
      const { live, counts } = await inTenant(this.db, municipalityId, async (tx) => {
        const sessions = await tx
          .selectFrom('sessions')
          .select('id')
          .where('id', 'in', [...new Set(list.map((w) => w.sessionId))])
          .where('expires_at', '>', sql<Date>`now()`)
          .execute();
        const people = [...new Set(list.map((w) => w.personId))];
        const many = streamCounterBatches.get(counter);
        const one = streamCounters.get(counter);
        const counts = new Map<string, number>();
        if (many) {
          for (const [id, n] of await many(tx, people)) counts.set(id, n);
        } else if (one) {
          for (const id of people) counts.set(id, await one(tx, id));
        }
        return { live: new Set(sessions.map((s) => s.id)), counts };
      });
      for (const w of list) {
        w.resolve(live.has(w.sessionId) ? (counts.get(w.personId) ?? 0) : null);
      }
    } catch (error) {
      for (const w of list) w.reject(error);
    }
  }
}
