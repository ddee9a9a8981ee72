import { onCommittedLocally, type Database } from '../db/database.js';

/**
 * A small in-process cache for values read on (almost) every request, kept right by
 * invalidation rather than by time: whoever changes what a value was read from announces it
 * (a tag, e.g. a person id), and every entry carrying that tag is dropped. The TTL is only a
 * safety net for announcements that never arrive.
 *
 * A read that started before an invalidation must not store what it read (it may be the old
 * value): every invalidation moves a generation on, and a load stores its value only when the
 * generation is still the one it started in. A cache that cannot trust its announcements
 * (the listening connection broke) is disabled: then every read goes to the database.
 */
export interface CacheOptions {
  /** Entries older than this are read again. */
  ttlMs: number;
  /** The oldest entries go first when there are more. */
  maxEntries: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  storedAt: number;
  tags: readonly string[];
}

/** The tag that drops every entry. */
export const ALL = '*';

export class InvalidatingCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private generation = 0;
  private enabled = false;
  private readonly now: () => number;
  /** Resolves once the cache listens for its announcements (listeningCache). */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Start caching (once the announcements are heard). */
  enable(): void {
    this.enabled = true;
  }

  /** Stop caching and forget everything (the announcements can no longer be trusted). */
  disable(): void {
    this.enabled = false;
    this.clear();
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached value, if it is there and young enough. */
  peek(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.options.ttlMs) {
      this.remove(key);
      return undefined;
    }
    return entry.value;
  }

  /**
   * The cached value, or `load`'s. `load` returns the value and its tags, or null for a value
   * not to be cached (not found, say); its value is stored only if nothing was invalidated
   * while it ran.
   */
  async get<R extends V | null>(
    key: string,
    load: () => Promise<{ value: R; tags: readonly string[] } | { value: R; tags: null }>,
  ): Promise<R> {
    const cached = this.enabled ? this.peek(key) : undefined;
    if (cached !== undefined) return cached as R;
    // A load begun before the cache listened may have missed an announcement: not stored.
    const started = this.enabled ? this.generation : -1;
    const loaded = await load();
    if (
      this.enabled &&
      loaded.tags !== null &&
      loaded.value !== null &&
      started === this.generation
    ) {
      this.set(key, loaded.value as V, loaded.tags);
    }
    return loaded.value;
  }

  /** Replace a value in place (e.g. a session's expiry slid forward), keeping its tags. */
  update(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry) entry.value = value;
  }

  /** Drop every entry with this tag (ALL: every entry). */
  invalidate(tag: string): void {
    this.generation++;
    if (tag === ALL) {
      this.clear();
      return;
    }
    const keys = this.keysByTag.get(tag);
    if (!keys) return;
    for (const key of [...keys]) this.remove(key);
  }

  /** Drop one entry. */
  delete(key: string): void {
    this.generation++;
    this.remove(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.keysByTag.clear();
  }

  private set(key: string, value: V, tags: readonly string[]): void {
    this.remove(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    this.entries.set(key, { value, storedAt: this.now(), tags });
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag) ?? new Set();
      keys.add(key);
      this.keysByTag.set(tag, keys);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.keysByTag.delete(tag);
    }
  }
}

const shared = new WeakMap<Database, Map<string, InvalidatingCache<unknown>>>();

/**
 * The one cache of this name for this database in this process, kept by the announcements on
 * `channel`: `tagOf` turns an announcement's payload into the tag to drop (null: none). It
 * hears this process's own announcements at once (`onCommittedLocally`) and the other
 * processes' through LISTEN; it caches only while the LISTEN connection holds.
 */
export function listeningCache<V>(
  db: Database,
  name: string,
  channel: string,
  options: CacheOptions,
  tagOf: (payload: string) => string | null,
): InvalidatingCache<V> {
  let caches = shared.get(db);
  if (!caches) shared.set(db, (caches = new Map()));
  const existing = caches.get(name);
  if (existing) return existing as InvalidatingCache<V>;
  const cache = new InvalidatingCache<V>(options);
  caches.set(name, cache as InvalidatingCache<unknown>);
  const hear = (payload: string) => {
    const tag = tagOf(payload);
    if (tag !== null) cache.invalidate(tag);
  };
  onCommittedLocally(db, channel, hear);
  // Caching starts once the announcements of other processes are heard too; if listening
  // fails or its connection is lost, the cache stays off (every read goes to the database).
  cache.ready = db
    .listen(channel, hear, () => cache.disable())
    .then(
      () => cache.enable(),
      () => cache.disable(),
    );
  return cache;
}
