/**
 * A bounded map whose entries each expire at their own instant and whose least recently used entry
 * goes first when it is full: the unwrapped data keys of the personal-data vault, the verified
 * tokens of auth. The clock is injectable for tests.
 */
export class ExpiringLru<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

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
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
