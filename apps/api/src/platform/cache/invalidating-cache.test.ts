import { describe, expect, it } from 'vitest';
import { ALL, InvalidatingCache } from './invalidating-cache.js';

function cache(now = () => 0, maxEntries = 100) {
  const c = new InvalidatingCache<string>({ ttlMs: 1000, maxEntries, now });
  c.enable();
  return c;
}

describe('InvalidatingCache', () => {
  it('loads once and serves the value until its tag is invalidated', async () => {
    const c = cache();
    let loads = 0;
    const load = async () => ({ value: `v${++loads}`, tags: ['person-1'] });
    expect(await c.get('k', load)).toBe('v1');
    expect(await c.get('k', load)).toBe('v1');
    c.invalidate('person-2');
    expect(await c.get('k', load)).toBe('v1');
    c.invalidate('person-1');
    expect(await c.get('k', load)).toBe('v2');
    c.invalidate(ALL);
    expect(await c.get('k', load)).toBe('v3');
  });

  it('does not store what a load read before an invalidation that came during it', async () => {
    const c = cache();
    let release!: () => void;
    const slow = c.get('k', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return { value: 'old', tags: ['p'] };
    });
    await Promise.resolve();
    c.invalidate('p'); // the change commits while the old value is on its way
    release();
    expect(await slow).toBe('old');
    expect(c.peek('k')).toBeUndefined();
    expect(await c.get('k', async () => ({ value: 'new', tags: ['p'] }))).toBe('new');
  });

  it('reads again after the TTL, and keeps at most maxEntries (oldest out)', async () => {
    let now = 0;
    const c = cache(() => now, 2);
    await c.get('a', async () => ({ value: 'a1', tags: [] }));
    now = 1001;
    expect(await c.get('a', async () => ({ value: 'a2', tags: [] }))).toBe('a2');
    await c.get('b', async () => ({ value: 'b', tags: [] }));
    await c.get('c', async () => ({ value: 'c', tags: [] }));
    expect(c.size).toBe(2);
    expect(c.peek('a')).toBeUndefined();
    expect(c.peek('c')).toBe('c');
  });

  it('caches nothing while disabled, and nothing a load declines (null tags or value)', async () => {
    const c = cache();
    expect(await c.get('k', async () => ({ value: 'x', tags: null }))).toBe('x');
    expect(c.size).toBe(0);
    await c.get('k', async () => ({ value: 'y', tags: ['p'] }));
    c.disable();
    expect(c.size).toBe(0);
    expect(await c.get('k', async () => ({ value: 'z', tags: ['p'] }))).toBe('z');
    expect(c.size).toBe(0);
  });
});
