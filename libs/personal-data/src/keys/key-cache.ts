import { ExpiringLru } from '@jejak/platform';

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
  private readonly entries: ExpiringLru<CachedKey>;
  private readonly ttlMs: number;
  hits = 0;
  misses = 0;

  constructor(options: KeyCacheOptions = {}) {
    this.entries = new ExpiringLru(options.maxEntries ?? 10_000, options.now);
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
  }

  get size(): number {
    return this.entries.size;
  }

  get(subjectId: string): CachedKey | undefined {
    const value = this.entries.get(subjectId);
    if (value) this.hits++;
    else this.misses++;
    return value;
  }

  set(subjectId: string, value: CachedKey): void {
    this.entries.set(subjectId, value, value.state === 'erased' ? Number.POSITIVE_INFINITY : this.entries.now() + this.ttlMs);
  }

  delete(subjectId: string): void {
    this.entries.delete(subjectId);
  }

  clear(): void {
    this.entries.clear();
  }
}
