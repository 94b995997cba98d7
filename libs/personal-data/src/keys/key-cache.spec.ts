import { KeyCache } from './key-cache';

const live = (n: number) => ({ state: 'live' as const, key: Buffer.alloc(32, n), version: 1 });

describe('the cache of unwrapped keys', () => {
  it('never holds more than its bound, dropping the least recently used', () => {
    const cache = new KeyCache({ maxEntries: 2 });
    cache.set('a', live(1));
    cache.set('b', live(2));
    cache.get('a');
    cache.set('c', live(3));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });

  it('forgets a live key after its time to live, but remembers an erasure for good', () => {
    let now = 0;
    const cache = new KeyCache({ ttlMs: 1000, now: () => now });
    cache.set('live', live(1));
    cache.set('gone', { state: 'erased' });
    now = 1001;
    expect(cache.get('live')).toBeUndefined();
    expect(cache.get('gone')).toEqual({ state: 'erased' });
  });
});
