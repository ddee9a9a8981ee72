/**
 * Calls that arrive together, answered together. When thousands of requests come at once (a
 * registration opening, a bulletin to a unit) one statement or transaction for each costs the
 * database more in round trips, planning and commits than in work; one for all of them is
 * cheap. A batcher gathers the calls of one turn of the event loop (what was read from the
 * network together) and hands them to `run` as one batch. While `concurrency` batches of a
 * key are running, new calls wait and go together in the next batch as soon as one ends, so a
 * lone call on a quiet server waits only for the end of its turn.
 *
 * Keys keep unrelated work apart (a lane per course, per municipality and counter); a key
 * with nothing waiting or running is forgotten.
 */
export interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

export interface BatcherOptions {
  /** Batches of one key running at once (default: no limit). */
  concurrency?: number;
  /** Calls in one batch at most (default: no limit). */
  maxBatch?: number;
  /**
   * When nothing of the key is running, gather for this long instead of one turn (default 0).
   * A crowd that arrives all at once reaches the server over a few milliseconds; without this
   * the first caller goes alone and takes a place in `concurrency` from the rest.
   */
  idleGatherMs?: number;
}

interface Lane<I, O> {
  waiting: Pending<I, O>[];
  running: number;
  /** A drain is scheduled for the end of this turn of the event loop. */
  gathering: boolean;
}

export class Batcher<I, O> {
  private readonly lanes = new Map<string, Lane<I, O>>();
  private readonly concurrency: number;
  private readonly maxBatch: number;
  private readonly idleGatherMs: number;

  /**
   * `run` settles every call of the batch (resolve or reject each); a call it leaves unsettled
   * when it throws is rejected with the error.
   */
  constructor(
    private readonly run: (batch: Pending<I, O>[], key: string) => Promise<void>,
    options: BatcherOptions = {},
  ) {
    this.concurrency = options.concurrency ?? Infinity;
    this.maxBatch = options.maxBatch ?? Infinity;
    this.idleGatherMs = options.idleGatherMs ?? 0;
  }

  add(input: I, key = ''): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) this.lanes.set(key, (lane = { waiting: [], running: 0, gathering: false }));
      lane.waiting.push({ input, resolve, reject });
      if (lane.gathering) return;
      lane.gathering = true;
      const gathered = lane;
      const go = () => {
        gathered.gathering = false;
        this.drain(key, gathered);
      };
      if (this.idleGatherMs > 0 && lane.running === 0) setTimeout(go, this.idleGatherMs);
      else setImmediate(go);
    });
  }

  /** Answer many calls; the same as one `add` each. */
  addAll(inputs: I[], key = ''): Promise<O[]> {
    return Promise.all(inputs.map((input) => this.add(input, key)));
  }

  private drain(key: string, lane: Lane<I, O>) {
    while (lane.running < this.concurrency && lane.waiting.length > 0) {
      const batch = lane.waiting.splice(0, this.maxBatch);
      lane.running++;
      void this.runBatch(batch, key).finally(() => {
        lane.running--;
        if (lane.waiting.length > 0) this.drain(key, lane);
        else if (lane.running === 0 && !lane.gathering && this.lanes.get(key) === lane) {
          this.lanes.delete(key);
        }
      });
    }
    if (lane.running === 0 && lane.waiting.length === 0 && this.lanes.get(key) === lane) {
      this.lanes.delete(key);
    }
  }

  private async runBatch(batch: Pending<I, O>[], key: string) {
    try {
      await this.run(batch, key);
    } catch (error) {
      // Settling a settled promise does nothing, so only the calls left open get the error.
      for (const pending of batch) pending.reject(error);
    }
  }
}

/** One batcher for each database (or other long-lived owner), made when first asked for. */
export function perOwner<T extends object, B>(make: (owner: T) => B): (owner: T) => B {
  const made = new WeakMap<T, B>();
  return (owner) => {
    let batcher = made.get(owner);
    if (!batcher) made.set(owner, (batcher = make(owner)));
    return batcher;
  };
}
