import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ExpiringLru } from './expiring-lru';

/** The plain definition: an array from least to most recently used, searched at every step. */
class ReferenceLru {
  private entries: { key: string; value: number; until: number }[] = [];
  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}
  get(key: string): number | undefined {
    const i = this.entries.findIndex((e) => e.key === key);
    if (i < 0) return undefined;
    const [entry] = this.entries.splice(i, 1);
    if (entry.until <= this.now()) return undefined;
    this.entries.push(entry);
    return entry.value;
  }
  set(key: string, value: number, until: number): void {
    this.entries = this.entries.filter((e) => e.key !== key);
    this.entries.push({ key, value, until });
    while (this.entries.length > this.maxEntries) this.entries.shift();
  }
  delete(key: string): void {
    this.entries = this.entries.filter((e) => e.key !== key);
  }
  clear(): void {
    this.entries = [];
  }
  get size(): number {
    return this.entries.length;
  }
}

type Op =
  | { op: 'get'; key: string }
  | { op: 'set'; key: string; value: number; ttl: number }
  | { op: 'delete'; key: string }
  | { op: 'clear' }
  | { op: 'tick'; ms: number };

const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('get' as const), key }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), key, value: fc.integer(), ttl: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Infinity)) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('clear' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 10 }) }) },
);

describe('ExpiringLru', () => {
  it('answers every sequence of reads, writes, deletions, clears and clock steps as the plain definition does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 300 }), (max, ops) => {
        let now = 0;
        const lru = new ExpiringLru<number>(max, () => now);
        const reference = new ReferenceLru(max, () => now);
        for (const o of ops) {
          if (o.op === 'get') expect(lru.get(o.key)).toBe(reference.get(o.key));
          else if (o.op === 'set') {
            lru.set(o.key, o.value, now + o.ttl);
            reference.set(o.key, o.value, now + o.ttl);
          } else if (o.op === 'delete') {
            lru.delete(o.key);
            reference.delete(o.key);
          } else if (o.op === 'clear') {
            lru.clear();
            reference.clear();
          } else now += o.ms;
          expect(lru.size).toBe(reference.size);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('evicts as the plain definition does long after its table was first filled (tens of thousands of evictions)', () => {
    const lru = new ExpiringLru<number>(1000);
    const reference = new ReferenceLru(1000, Date.now);
    for (let i = 0; i < 30_000; i++) {
      for (const cache of [lru, reference]) {
        cache.set(`k${i}`, i, Infinity);
        // now and then a key written a while ago is read again, and so outlives some written after it
        if (i % 7 === 0) cache.get(`k${i - 700}`);
      }
    }
    expect(lru.size).toBe(1000);
    const kept = (cache: ExpiringLru<number> | ReferenceLru) => Array.from({ length: 30_000 }, (_, i) => cache.get(`k${i}`) !== undefined);
    const expected = kept(reference);
    expect(expected.filter(Boolean)).toHaveLength(1000);
    expect(kept(lru)).toEqual(expected);
  });

  it('keeps its memory while one entry is read millions of times (a token, a key)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const lru = new ExpiringLru<number>(5000);
    for (const k of ['a', 'b', 'c']) lru.set(k, 1, Infinity);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 2_000_000; i++) lru.get('b');
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(16 * 2 ** 20);
    expect(lru.get('a')).toBe(1);
  });
});
