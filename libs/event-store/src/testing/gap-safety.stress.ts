import type { EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { WrongExpectedVersionError } from '../errors';
import { newEvent, testStream } from './fixtures';

export interface StressResult {
  committed: string[];
  conflicts: number;
  deliveredIds: string[];
  logOrderIds: string[];
  duplicates: string[];
  missing: string[];
  rejectedButDelivered: string[];
  outOfOrder: number;
}

/**
 * N writers append to a small random set of streams with the version they last saw (so they
 * collide), while a subscriber tails the global order. Afterwards the subscriber must have seen
 * exactly the committed events, each once, in the log's order.
 */
export async function runGapSafetyStress(store: EventStore, opts: { writers: number; events: number }): Promise<StressResult> {
  const streams = Array.from({ length: 40 }, () => testStream('stress'));
  const known = new Map<string, number>(streams.map((s) => [s, 0]));
  const committed = new Set<string>();
  const rejected = new Set<string>();
  let conflicts = 0;
  let remaining = opts.events;
  const start = await store.headPosition();
  const delivered: RecordedEvent[] = [];
  const sub = store.subscribeToAll({
    after: start,
    batchSize: 1000,
    onBatch: async (batch) => {
      for (const e of batch) if (e.streamId.startsWith('stress-')) delivered.push(e);
    },
  });

  async function writer(seed: number): Promise<void> {
    let x = seed;
    // 32-bit LCG in integer arithmetic, high bits used: the former float version lost precision
    // past 2^53 and sent every writer to the same 5 of the 40 streams.
    const rand = (n: number) => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0), (x >>> 8) % n);
    while (remaining > 0) {
      const s = streams[rand(streams.length)];
      const n = 1 + rand(4);
      remaining -= n;
      const batch: NewEvent[] = Array.from({ length: n }, (_, i) => newEvent('Stressed', { writer: seed, i }));
      const expected = known.get(s) ?? 0;
      try {
        const r = await store.append(s, batch, { expectedVersion: expected === 0 ? 'no_stream' : expected });
        batch.forEach((e) => committed.add(e.id));
        known.set(s, Math.max(known.get(s) ?? 0, r.version));
      } catch (err) {
        if (!(err instanceof WrongExpectedVersionError)) throw err;
        conflicts++;
        remaining += n;
        batch.forEach((e) => rejected.add(e.id));
        known.set(s, err.actual);
      }
    }
  }

  await Promise.all(Array.from({ length: opts.writers }, (_, i) => writer(i + 1)));
  const deadline = Date.now() + 120_000;
  while (delivered.length < committed.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300)); // would expose late duplicates
  await sub.stop();

  const logOrder: RecordedEvent[] = [];
  for (let after = start; ; ) {
    const page = await store.readAll({ after, limit: 5000 });
    if (page.length === 0) break;
    logOrder.push(...page.filter((e) => e.streamId.startsWith('stress-')));
    after = page[page.length - 1].globalPosition;
  }
  const seen = new Set<string>();
  const duplicates: string[] = [];
  let outOfOrder = 0;
  delivered.forEach((e, i) => {
    if (seen.has(e.id)) duplicates.push(e.id);
    seen.add(e.id);
    if (i > 0 && e.globalPosition <= delivered[i - 1].globalPosition) outOfOrder++;
  });
  return {
    committed: [...committed],
    conflicts,
    deliveredIds: delivered.map((e) => e.id),
    logOrderIds: logOrder.map((e) => e.id),
    duplicates,
    missing: [...committed].filter((id) => !seen.has(id)),
    rejectedButDelivered: delivered.filter((e) => rejected.has(e.id)).map((e) => e.id),
    outOfOrder,
  };
}
