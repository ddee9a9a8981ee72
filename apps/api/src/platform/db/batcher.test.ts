import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

/** A batcher whose batches are recorded, and which answers each input doubled. */
function recording(options: ConstructorParameters<typeof Batcher>[1] = {}, ms = 10) {
  const batches: { key: string; inputs: number[] }[] = [];
  let running = 0;
  let mostRunning = 0;
  const batcher = new Batcher<number, number>(async (batch, key) => {
    batches.push({ key, inputs: batch.map((b) => b.input) });
    running++;
    mostRunning = Math.max(mostRunning, running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running--;
    for (const pending of batch) {
      if (pending.input < 0) pending.reject(new Error(`negative ${pending.input}`));
      else pending.resolve(pending.input * 2);
    }
  }, options);
  return { batcher, batches, mostRunning: () => mostRunning };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('answers the calls of one turn in one batch, each with its own answer', async () => {
    const { batcher, batches } = recording();
    const answers = await Promise.all([1, 2, 3].map((n) => batcher.add(n)));
    expect(answers).toEqual([2, 4, 6]);
    expect(batches).toEqual([{ key: '', inputs: [1, 2, 3] }]);
  });

  it('gathers the calls that arrive while a batch runs into the next one', async () => {
    const { batcher, batches, mostRunning } = recording({ concurrency: 1 });
    const first = batcher.add(1);
    await turn();
    // The first batch is in the database; these three arrive over three turns.
    const later = [batcher.add(2)];
    await turn();
    later.push(batcher.add(3));
    await turn();
    later.push(batcher.add(4));
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6, 8]);
    expect(batches.map((b) => b.inputs)).toEqual([[1], [2, 3, 4]]);
    expect(mostRunning()).toBe(1);
  });

  it('splits at the largest batch and runs at most `concurrency` at once', async () => {
    const { batcher, batches, mostRunning } = recording({ concurrency: 2, maxBatch: 2 });
    const answers = await batcher.addAll([1, 2, 3, 4, 5]);
    expect(answers).toEqual([2, 4, 6, 8, 10]);
    expect(batches.map((b) => b.inputs)).toEqual([[1, 2], [3, 4], [5]]);
    expect(mostRunning()).toBe(2);
  });

  it('gathers for idleGatherMs when nothing of the key runs', async () => {
    const { batcher, batches } = recording({ concurrency: 1, idleGatherMs: 30 });
    const calls = [batcher.add(1)];
    // Over several turns, within the idle gathering time: one batch.
    for (const n of [2, 3]) {
      await turn();
      calls.push(batcher.add(n));
    }
    await new Promise((resolve) => setTimeout(resolve, 35));
    // The first batch has gone (it runs 10 ms): a later call goes in a batch of its own.
    calls.push(batcher.add(4));
    expect(await Promise.all(calls)).toEqual([2, 4, 6, 8]);
    expect(batches.map((b) => b.inputs)).toEqual([[1, 2, 3], [4]]);
  });

  it('keeps keys apart', async () => {
    const { batcher, batches } = recording({ concurrency: 1 });
    await Promise.all([batcher.add(1, 'a'), batcher.add(2, 'b'), batcher.add(3, 'a')]);
    expect(batches).toEqual([
      { key: 'a', inputs: [1, 3] },
      { key: 'b', inputs: [2] },
    ]);
  });

  it('refuses only the calls its batch refused, and every open call when the batch fails', async () => {
    const { batcher } = recording();
    const settled = await Promise.allSettled([batcher.add(1), batcher.add(-1)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);

    const failing = new Batcher<number, number>(async (batch) => {
      batch[0]!.resolve(0);
      throw new Error('the database went away');
    });
    const outcome = await Promise.allSettled([failing.add(1), failing.add(2), failing.add(3)]);
    expect(outcome).toEqual([
      { status: 'fulfilled', value: 0 },
      { status: 'rejected', reason: new Error('the database went away') },
      { status: 'rejected', reason: new Error('the database went away') },
    ]);
    // The batcher goes on after a failure.
    expect(await batcher.add(5)).toBe(10);
  });
});
