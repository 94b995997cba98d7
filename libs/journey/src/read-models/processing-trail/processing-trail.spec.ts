import type { RecordedRead } from '@jejak/personal-data';
import { TRAIL_START, trailPage, type StreamWrite, type TrailPosition } from './processing-trail';

const at = (ms: number) => new Date(Date.UTC(2024, 5, 1, 8, 0, 0, ms));
const write = (version: number, ms: number): StreamWrite => ({
  streamVersion: version,
  type: version === 1 ? 'Registered' : 'Monitored',
  recordedAt: at(ms),
  metadata: { actorId: 'cw-ani', actorRole: 'caseworker', correlationId: `w${version}`, causationId: 'x', occurredAt: at(ms).toISOString() },
});
const read = (readId: number, ms: number): RecordedRead => ({
  readId, subjectId: 'p', readAt: at(ms), purpose: 'case.read', actorId: 'aud-1', actorRole: 'auditor', correlationId: `r${readId}`,
});

// writes at 0, 10, 10, 30; reads at 5, 10, 10 (same millisecond, ids break the tie), 40
const WRITES = [write(1, 0), write(2, 10), write(3, 10), write(4, 30)];
const READS = [read(7, 5), read(8, 10), read(9, 10), read(12, 40)];

/** What the query does for one page: what lies after the position, reads capped at limit+1. */
function pageAfter(from: TrailPosition, limit: number) {
  const writes = WRITES.filter((w) => w.streamVersion > from.writeVersion);
  const reads = READS.filter((r) => !from.read || r.readAt > from.read.readAt || (r.readAt.getTime() === from.read.readAt.getTime() && r.readId > from.read.readId));
  return trailPage(writes, reads.slice(0, limit + 1), limit, from);
}

describe('the processing trail, merged and paged', () => {
  it('interleaves writes and reads by time, a write before a read of the same millisecond', () => {
    const { items, next } = pageAfter(TRAIL_START, 100);
    expect(items.map((i) => i.correlationId)).toEqual(['w1', 'r7', 'w2', 'w3', 'r8', 'r9', 'w4', 'r12']);
    expect(next).toBeNull();
    expect(items[0]).toEqual({ kind: 'write', at: at(0).toISOString(), actor: { id: 'cw-ani', role: 'caseworker' }, correlationId: 'w1', eventType: 'Registered', version: 1 });
    expect(items[1]).toEqual({ kind: 'read', at: at(5).toISOString(), actor: { id: 'aud-1', role: 'auditor' }, correlationId: 'r7', purpose: 'case.read' });
  });

  it.each([1, 2, 3, 7, 8])('pages of %i together are the whole trail, never repeating or skipping an entry', (limit) => {
    const whole = pageAfter(TRAIL_START, 100).items;
    const seen = [];
    let from: TrailPosition | null = TRAIL_START;
    while (from) {
      const page = pageAfter(from, limit);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      from = page.next;
    }
    expect(seen).toEqual(whole);
  });

  it('ends (next null) on the page that takes the last entry, and a trail with nothing left is empty', () => {
    expect(pageAfter(TRAIL_START, 8).next).toBeNull();
    expect(pageAfter(TRAIL_START, 7).next).toEqual({ writeVersion: 4, read: { readAt: at(10), readId: 9 } });
    expect(trailPage([], [], 10, TRAIL_START)).toEqual({ items: [], next: null });
  });
});
