import { sql } from 'kysely';
import { inTenant, type Database } from '../db/database.js';
import { Batcher, type Pending } from '../db/batcher.js';
import { streamCounterBatches, streamCounters } from './hub.js';

interface Reader {
  personId: string;
  sessionId: string;
}

/**
 * The new value of a counter for many live streams in one transaction. A bulletin to a unit
 * changes a thousand guardians' counters in one commit, and each of their streams must read
 * its own: one by one that is a thousand transactions (session check and counter each) racing
 * for the pool, so the last stream hears of it seconds later. Reads that arrive while a batch
 * is in the database wait and go together in the next one (a Batcher): per municipality and
 * counter, one statement for the sessions still live and one for the counters.
 */
export class CounterBatch {
  private readonly batcher: Batcher<Reader, number | null>;

  constructor(private readonly db: Database) {
    this.batcher = new Batcher((batch, key) => this.run(key, batch), { concurrency: 1 });
  }

  /** The counter's value for the person, or null when the stream's session has ended. */
  read(municipalityId: string, counter: string, personId: string, sessionId: string) {
    return this.batcher.add({ personId, sessionId }, `${municipalityId} ${counter}`);
  }

  private async run(key: string, list: Pending<Reader, number | null>[]) {
    const [municipalityId = '', counter = ''] = key.split(' ');
    const { live, counts } = await inTenant(this.db, municipalityId, async (tx) => {
      const sessions = await tx
        .selectFrom('sessions')
        .select('id')
        .where('id', 'in', [...new Set(list.map((w) => w.input.sessionId))])
        .where('expires_at', '>', sql<Date>`now()`)
        .execute();
      const people = [...new Set(list.map((w) => w.input.personId))];
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
      w.resolve(live.has(w.input.sessionId) ? (counts.get(w.input.personId) ?? 0) : null);
    }
  }
}
