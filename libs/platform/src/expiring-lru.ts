/**
 * A bounded map whose entries each expire at their own instant and whose least recently used entry
 * goes first when it is full: the unwrapped data keys of the personal-data vault, the verified
 * tokens of auth. The clock is injectable for tests.
 */
export class ExpiringLru<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  /**
   * Walks the entries from the least recently used. One iterator for the map's whole life: a new
   * `keys()` at each eviction started over from the first slot of V8's table and stepped over
   * every entry deleted since the table was last compacted, so a full cache paid for each new entry
   * in proportion to its size (10 µs at 20,000 entries). A Map iterator stays valid while the map
   * changes, and everything behind it has been deleted or moved to the end, so its next key is
   * always the oldest.
   */
  private oldest: IterableIterator<string> = this.entries.keys();

  constructor(
    private readonly maxEntries: number,
    readonly now: () => number = Date.now,
  ) {
    if (maxEntries < 1) throw new RangeError('maxEntries must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  /** the value while `now()` is before its instant, else undefined (and it is forgotten) */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= this.now()) return undefined;
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.set(key, entry);
    return entry.value;
  }

  /** keeps `value` until the instant `until` (ms since the epoch; Infinity for ever) */
  set(key: string, value: V, until: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.nextOldest());
  }

  private nextOldest(): string {
    let next = this.oldest.next();
    // an iterator that once reached the end stays there (only when the map was empty): start again
    if (next.done) {
      this.oldest = this.entries.keys();
      next = this.oldest.next();
    }
    return next.value as string;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.oldest = this.entries.keys();
  }
}
