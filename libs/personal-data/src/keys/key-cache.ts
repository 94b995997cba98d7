/** What the cache knows about one person's key: the unwrapped key, or that it was destroyed. */
export type CachedKey = { state: 'live'; key: Buffer; version: number } | { state: 'erased' };

export interface KeyCacheOptions {
  /** unwrapped keys held at most (each 32 bytes plus bookkeeping) */
  maxEntries?: number;
  /**
   * How long a live key may be served without asking the database again. Erasure in this process
   * evicts at once; the TTL bounds how long another process may still decrypt after an erasure.
   */
  ttlMs?: number;
  now?: () => number;
}

/**
 * A bounded LRU of unwrapped data keys: projections decrypt the same few thousand active people
 * over and over, and unwrapping is a database read plus an AES operation. Destroyed keys are
 * cached without expiry, because erasure is final.
 */
export class KeyCache {
  private readonly entries = new Map<string, { value: CachedKey; expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(options: KeyCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    if (this.maxEntries < 1) throw new RangeError('maxEntries must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get(subjectId: string): CachedKey | undefined {
    const entry = this.entries.get(subjectId);
    if (!entry || entry.expiresAt <= this.now()) {
      if (entry) this.entries.delete(subjectId);
      this.misses++;
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(subjectId);
    this.entries.set(subjectId, entry);
    this.hits++;
    return entry.value;
  }

  set(subjectId: string, value: CachedKey): void {
    this.entries.delete(subjectId);
    const expiresAt = value.state === 'erased' ? Number.POSITIVE_INFINITY : this.now() + this.ttlMs;
    this.entries.set(subjectId, { value, expiresAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(subjectId: string): void {
    this.entries.delete(subjectId);
  }

  clear(): void {
    this.entries.clear();
  }
}
