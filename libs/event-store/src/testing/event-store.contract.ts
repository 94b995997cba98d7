import type { EventStore, RecordedEvent } from '../event-store.port';
import { InvalidStreamIdError, UniqueClaimViolationError, WrongExpectedVersionError } from '../errors';
import { UpcasterRegistry } from '../upcasters';
import { newEvent, testStream } from './fixtures';
import { runGapSafetyStress } from './gap-safety.stress';

/** What an implementation provides to run the shared contract. */
export interface EventStoreHarness {
  create(options?: { upcasters?: UpcasterRegistry }): Promise<EventStore>;
  /**
   * Alter a stored event behind the store's back (protection switched off), for the hash chain test.
   * A store that cannot alter an event in place (KurrentDB: revisions are write-once) rewrites the
   * stream instead and returns where verification must then find the break.
   */
  tamper(streamId: string, version: number, data: unknown): Promise<void | { checkedEvents: number; firstBrokenVersion: number }>;
  /** Scale of the concurrency proof; the issue asks for at least 8 writers and 20,000 events. */
  stress?: { writers: number; events: number };
  teardown(): Promise<void>;
}

/**
 * The global order is readable up to the safe horizon, which any transaction still open in the
 * cluster holds back for a moment (ADR 0002): wait for the head instead of assuming it moved.
 */
async function readableUpTo(store: EventStore, position: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await store.headPosition()) < position) {
    if (Date.now() > deadline) throw new Error(`head did not reach ${position} within 10 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The contract both EventStore implementations pass (design.md, "The event store contract"). */
export function describeEventStoreContract(name: string, harness: () => EventStoreHarness): void {
  describe(`EventStore contract: ${name}`, () => {
    let h: EventStoreHarness;
    let store: EventStore;

    beforeAll(async () => {
      h = harness();
      store = await h.create();
    });
    afterAll(async () => {
      await store.close();
      await h.teardown();
    });

    describe('append with an expected version', () => {
      it('creates a stream when no stream is expected and numbers events from 1', async () => {
        const s = testStream();
        const r = await store.append(s, [newEvent(), newEvent()], { expectedVersion: 'no_stream' });
        expect(r.version).toBe(2);
        expect((await store.readStream(s)).map((e) => e.streamVersion)).toEqual([1, 2]);
      });

      it('refuses no_stream on an existing stream with a typed conflict carrying the actual version', async () => {
        const s = testStream();
        await store.append(s, [newEvent()], { expectedVersion: 'no_stream' });
        const err = await store.append(s, [newEvent()], { expectedVersion: 'no_stream' }).catch((e) => e);
        expect(err).toBeInstanceOf(WrongExpectedVersionError);
        expect(err).toMatchObject({ code: 'STREAM.WRONG_EXPECTED_VERSION', actual: 1, streamId: s });
      });

      it.each([
        [0, false],
        [1, true],
        [2, false],
      ])('with one event stored, expected version %i is accepted: %s', async (expected, ok) => {
        const s = testStream();
        await store.append(s, [newEvent()], { expectedVersion: 'no_stream' });
        const result = store.append(s, [newEvent()], { expectedVersion: expected });
        if (ok) await expect(result).resolves.toMatchObject({ version: 2 });
        else await expect(result).rejects.toBeInstanceOf(WrongExpectedVersionError);
      });

      it('appends at any version', async () => {
        const s = testStream();
        await store.append(s, [newEvent()], { expectedVersion: 'any' });
        await expect(store.append(s, [newEvent()], { expectedVersion: 'any' })).resolves.toMatchObject({ version: 2 });
      });

      it('refuses stream_exists on an empty stream', async () => {
        await expect(store.append(testStream(), [newEvent()], { expectedVersion: 'stream_exists' })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      });

      it('lets exactly one of two racing writers at the same version win', async () => {
        const s = testStream();
        await store.append(s, [newEvent()], { expectedVersion: 'no_stream' });
        const results = await Promise.allSettled([1, 2, 3].map(() => store.append(s, [newEvent()], { expectedVersion: 1 })));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        results.filter((r) => r.status === 'rejected').forEach((r) => expect((r as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError));
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('is atomic: a multi-event append that fails writes none of its events', async () => {
        const s = testStream();
        await store.append(s, [newEvent()], { expectedVersion: 'no_stream' });
        const dup = newEvent();
        await expect(store.append(s, [newEvent(), dup, dup], { expectedVersion: 1 })).rejects.toThrow();
        expect(await store.readStream(s)).toHaveLength(1);
      });

      it('writes a uniqueness claim with the append, and refuses a second stream claiming the same key', async () => {
        const claim = { scope: 'test-nik', key: `hmac-${Math.random()}` };
        const a = testStream();
        const b = testStream();
        await store.append(a, [newEvent()], { expectedVersion: 'no_stream', claims: [claim] });
        const err = await store.append(b, [newEvent()], { expectedVersion: 'no_stream', claims: [claim] }).catch((e) => e);
        expect(err).toBeInstanceOf(UniqueClaimViolationError);
        expect(err.scope).toBe('test-nik');
        expect(await store.readStream(b)).toHaveLength(0);
      });
    });

    describe('appending to several streams at once', () => {
      it('appends each stream with its own versions, claims and hash chain, in one global run', async () => {
        const [a, b] = [testStream(), testStream()];
        await store.append(b, [newEvent()], { expectedVersion: 'no_stream' });
        const claim = { scope: 'test-nik', key: `many-${Math.random()}` };
        const results = await store.appendMany([
          { streamId: a, events: [newEvent(), newEvent()], options: { expectedVersion: 'no_stream', claims: [claim] } },
          { streamId: b, events: [newEvent()], options: { expectedVersion: 1 } },
        ]);
        expect(results.map((r) => [r.streamId, r.version])).toEqual([[a, 2], [b, 2]]);
        expect(results[1].firstPosition).toBeGreaterThan(results[0].lastPosition);
        expect((await store.readStream(b)).map((e) => e.streamVersion)).toEqual([1, 2]);
        expect(await store.verifyStream(b)).toMatchObject({ valid: true, checkedEvents: 2 });
        await expect(store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream', claims: [claim] })).rejects.toBeInstanceOf(UniqueClaimViolationError);
      });

      it('writes nothing when one stream conflicts, and names that stream in the typed error', async () => {
        const [a, b] = [testStream(), testStream()];
        await store.append(b, [newEvent()], { expectedVersion: 'no_stream' });
        const err = await store
          .appendMany([
            { streamId: a, events: [newEvent()], options: { expectedVersion: 'no_stream' } },
            { streamId: b, events: [newEvent()], options: { expectedVersion: 'no_stream' } },
          ])
          .catch((e) => e);
        expect(err).toBeInstanceOf(WrongExpectedVersionError);
        expect(err).toMatchObject({ streamId: b, actual: 1 });
        expect(await store.readStream(a)).toHaveLength(0);
      });
    });

    describe('stream ids carry no personal data', () => {
      it.each(['entrepreneur-3201014101990001', 'Entrepreneur-abc', 'nodash', 'person-someone@example.com', 'phone-081234567890', ''])(
        'refuses %p',
        async (id) => {
          await expect(store.append(id, [newEvent()], { expectedVersion: 'any' })).rejects.toBeInstanceOf(InvalidStreamIdError);
        },
      );
      it.each(['entrepreneur-0b6f1c7e-1d2a-4c3b-9f4e-5a6b7c8d9e0f', 'group-9a8b7c6d-0000-4000-8000-000000000001', 'projection-caseload'])('accepts %p', async (id) => {
        await expect(store.append(id, [newEvent()], { expectedVersion: 'any' })).resolves.toBeDefined();
      });
    });

    describe('the envelope', () => {
      it('returns every field of design.md, with store-assigned version, position, time and hash', async () => {
        const s = testStream();
        const e = newEvent('Registered', { hello: 'dunia', n: 1 });
        e.metadata.reason = 'because';
        const before = Date.now();
        const r = await store.append(s, [e], { expectedVersion: 'no_stream' });
        const [read] = await store.readStream(s);
        expect(read).toMatchObject({ id: e.id, type: 'Registered', schemaVersion: 1, data: { hello: 'dunia', n: 1 }, metadata: e.metadata, streamId: s, streamVersion: 1 });
        expect(read.globalPosition).toBe(r.lastPosition);
        expect(read.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(read.hash).toMatch(/^[0-9a-f]{64}$/);
      });
    });

    describe('reading a stream', () => {
      it('reads from a version', async () => {
        const s = testStream();
        await store.append(s, [1, 2, 3, 4].map((n) => newEvent('Numbered', { n })), { expectedVersion: 'no_stream' });
        expect((await store.readStream(s, { fromVersion: 3 })).map((e) => e.data)).toEqual([{ n: 3 }, { n: 4 }]);
      });

      it('reads up to a recorded instant (time travel)', async () => {
        const s = testStream();
        const first = await store.append(s, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
        await new Promise((r) => setTimeout(r, 15));
        await store.append(s, [newEvent('Numbered', { n: 2 })], { expectedVersion: 1 });
        expect((await store.readStream(s, { untilRecordedAt: first.recordedAt })).map((e) => e.data)).toEqual([{ n: 1 }]);
        expect(await store.readStream(s, { untilRecordedAt: new Date(first.recordedAt.getTime() - 1) })).toEqual([]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(testStream())).toEqual([]);
      });
    });

    describe('reading all in global order', () => {
      it('returns events after a position, in increasing position, with a limit', async () => {
        const from = await store.headPosition();
        const s1 = testStream();
        const s2 = testStream();
        await store.append(s1, [newEvent('Numbered', { n: 1 }), newEvent('Numbered', { n: 2 })], { expectedVersion: 'no_stream' });
        await store.append(s2, [newEvent('Numbered', { n: 3 })], { expectedVersion: 'no_stream' });
        const last = await store.append(s1, [newEvent('Numbered', { n: 4 })], { expectedVersion: 2 });
        await readableUpTo(store, last.lastPosition);
        const mine = (await store.readAll({ after: from, limit: 10_000 })).filter((e) => e.streamId === s1 || e.streamId === s2);
        expect(mine.map((e) => (e.data as { n: number }).n)).toEqual([1, 2, 3, 4]);
        const positions = mine.map((e) => e.globalPosition);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        const page = await store.readAll({ after: positions[0], limit: 2 });
        expect(page).toHaveLength(2);
        expect(page[0].globalPosition).toBeGreaterThan(positions[0]);
      });
    });

    describe('news of an append', () => {
      it('tells a listener in the same process after each append, until it stops listening', async () => {
        let told = 0;
        const stop = store.onAppended?.(() => told++);
        expect(stop).toBeDefined();
        const stream = testStream();
        await store.append(stream, [newEvent('Told')], { expectedVersion: 'no_stream' });
        await store.appendMany([{ streamId: testStream(), events: [newEvent('Told')], options: { expectedVersion: 'no_stream' } }]);
        expect(told).toBe(2);
        // a refused append is no news
        await expect(store.append(stream, [newEvent('Told')], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect(told).toBe(2);
        stop?.();
        await store.append(stream, [newEvent('Told')], { expectedVersion: 1 });
        expect(told).toBe(2);
      });

      it('keeps a stored append stored when a listener throws, and still tells the others', async () => {
        let told = 0;
        const stopFailing = store.onAppended?.(() => {
          throw new Error('listener bug');
        });
        const stop = store.onAppended?.(() => told++);
        const stream = testStream();
        try {
          await expect(store.append(stream, [newEvent('Told')], { expectedVersion: 'no_stream' })).resolves.toMatchObject({ version: 1 });
          expect(told).toBe(1);
          expect(await store.readStream(stream)).toHaveLength(1);
        } finally {
          stopFailing?.();
          stop?.();
        }
      });
    });

    describe('catch-up subscription', () => {
      it('delivers the past and then follows new events', async () => {
        const s = testStream();
        await store.append(s, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
        const seen: number[] = [];
        let resolveDone!: () => void;
        const done = new Promise<void>((r) => (resolveDone = r));
        const sub = store.subscribeToAll({
          after: 0,
          onBatch: async (events) => {
            for (const e of events) if (e.streamId === s) seen.push((e.data as { n: number }).n);
            if (seen.length === 3) resolveDone();
          },
        });
        await store.append(s, [newEvent('Numbered', { n: 2 })], { expectedVersion: 1 });
        await store.append(s, [newEvent('Numbered', { n: 3 })], { expectedVersion: 2 });
        await done;
        await sub.stop();
        expect(seen).toEqual([1, 2, 3]);
      });

      it('redelivers a batch whose handler failed, from the same position', async () => {
        const s = testStream();
        const head = await store.headPosition();
        await store.append(s, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
        let failures = 0;
        const delivered: string[] = [];
        let resolveDone!: () => void;
        const done = new Promise<void>((r) => (resolveDone = r));
        const sub = store.subscribeToAll({
          after: head,
          onBatch: async (events) => {
            const mine = events.filter((e) => e.streamId === s);
            if (mine.length && failures++ === 0) throw new Error('handler down');
            delivered.push(...mine.map((e) => e.id));
            if (mine.length) resolveDone();
          },
          onError: () => undefined,
        });
        await done;
        await sub.stop();
        expect(failures).toBe(2);
        expect(delivered).toHaveLength(1);
      });
    });

    describe('upcasters applied on read', () => {
      it('lifts an old schema version to the current one without rewriting what is stored', async () => {
        const upcasters = new UpcasterRegistry([
          { type: 'Renamed', fromVersion: 1, upcast: (d) => ({ fullName: (d as { name: string }).name }) },
          { type: 'Renamed', fromVersion: 2, upcast: (d) => ({ ...(d as object), source: 'v2' }) },
        ]);
        const upcasting = await h.create({ upcasters });
        try {
          const s = testStream();
          await store.append(s, [newEvent('Renamed', { name: 'Siti' }, 1)], { expectedVersion: 'no_stream' });
          const [lifted] = await upcasting.readStream(s);
          expect(lifted).toMatchObject({ schemaVersion: 3, data: { fullName: 'Siti', source: 'v2' } });
          const [raw] = await store.readStream(s);
          expect(raw).toMatchObject({ schemaVersion: 1, data: { name: 'Siti' } });
        } finally {
          await upcasting.close();
        }
      });
    });

    describe('history cannot be altered unnoticed', () => {
      it('verifies an untouched stream and names the first broken version after an edit', async () => {
        const s = testStream();
        await store.append(s, [1, 2, 3].map((n) => newEvent('Numbered', { n })), { expectedVersion: 'no_stream' });
        await store.append(s, [newEvent('Numbered', { n: 4 })], { expectedVersion: 3 });
        expect(await store.verifyStream(s)).toMatchObject({ valid: true, checkedEvents: 4, firstBrokenVersion: null });
        const rewritten = await h.tamper(s, 2, { n: 200 });
        expect(await store.verifyStream(s)).toMatchObject({ valid: false, ...(rewritten ?? { checkedEvents: 4, firstBrokenVersion: 2 }) });
      });
    });

    describe('no event may be skipped by a reader of the global order', () => {
      it('delivers every committed event exactly once, in order, under concurrent writers with conflicts', async () => {
        const { writers, events } = h.stress ?? { writers: 8, events: 20_000 };
        const result = await runGapSafetyStress(store, { writers, events });
        expect(result.conflicts).toBeGreaterThan(0);
        expect(result.committed.length).toBeGreaterThanOrEqual(events);
        expect(result.duplicates).toEqual([]);
        expect(result.outOfOrder).toBe(0);
        expect(result.missing).toEqual([]);
        expect(result.rejectedButDelivered).toEqual([]);
        expect(result.deliveredIds).toEqual(result.logOrderIds);
      }, 600_000);
    });
  });
}

export type { RecordedEvent };
