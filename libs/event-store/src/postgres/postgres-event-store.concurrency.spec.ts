import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { DatabaseError, type Pool } from 'pg';
import { DuplicateEventIdError, UniqueClaimViolationError, WrongExpectedVersionError } from '../errors';
import type { AppendResult } from '../event-store.port';
import { newEvent, testStream } from '../testing/fixtures';
import { eventStoreMigrations } from './migrations';
import { STREAM_APPEND_LOCK_CLASS } from './migrations/1732600000000-serialise-appends-per-stream';
import { PostgresEventStore } from './postgres-event-store';

/** the transaction an event was written in: positions are (transaction id + offset) * 1,000,000 + n (ADR 0002) */
const transactionOf = (position: number) => Math.floor(position / 1_000_000);

/** one transaction at a time: whatever is appended while it runs waits and goes into the next one (however slow the machine) */
const ONE_AT_A_TIME = { transactions: 1, perTransaction: 32, patienceMs: 60_000 };

describe('PostgreSQL event store: concurrent appends (group commit, ADR 0012; the one-statement append of one event)', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('group_commit');
    await runMigrations(db.url, eventStoreMigrations);
    pool = db.pool(12);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('puts the appends made while one is written into one transaction, each with its own result', async () => {
    const store = new PostgresEventStore(pool, { groupCommit: ONE_AT_A_TIME });
    const streams = Array.from({ length: 6 }, () => testStream());
    const results = await Promise.all(streams.map((s, i) => store.append(s, [newEvent('Numbered', { i }), newEvent('Numbered', { i })], { expectedVersion: 'no_stream' })));
    expect(results.map((r) => [r.streamId, r.version])).toEqual(streams.map((s) => [s, 2]));
    // the first ran alone; the five that came while it ran shared the next transaction, in the order they came
    const [first, ...rest] = results;
    expect(new Set(rest.map((r) => transactionOf(r.firstPosition)))).toEqual(new Set([transactionOf(rest[0].firstPosition)]));
    expect(transactionOf(first.firstPosition)).not.toBe(transactionOf(rest[0].firstPosition));
    for (let i = 1; i < rest.length; i++) expect(rest[i].firstPosition).toBe(rest[i - 1].lastPosition + 1);
    for (const [i, s] of streams.entries()) {
      expect((await store.readStream(s)).map((e) => [e.streamVersion, e.globalPosition, e.data])).toEqual([
        [1, results[i].firstPosition, { i }],
        [2, results[i].lastPosition, { i }],
      ]);
      expect(await store.verifyStream(s)).toMatchObject({ valid: true, checkedEvents: 2 });
    }
  });

  it('fails only the appends at fault: the others in the transaction are written', async () => {
    const store = new PostgresEventStore(pool, { groupCommit: ONE_AT_A_TIME });
    const existing = testStream();
    const owner = testStream();
    const stored = newEvent('Numbered', { n: 1 });
    await store.append(existing, [stored], { expectedVersion: 'no_stream' });
    await store.append(owner, [newEvent()], { expectedVersion: 'no_stream', claims: [{ scope: 'nik', key: `taken-${owner}` }] });

    const chained = testStream();
    const fresh = testStream();
    const claimant = testStream();
    const duplicate = testStream();
    const blocker = store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' });
    const outcomes = await Promise.allSettled([
      store.append(fresh, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream', claims: [{ scope: 'nik', key: `new-${fresh}` }] }),
      store.append(existing, [newEvent('Numbered', { n: 2 })], { expectedVersion: 5 }),
      store.append(chained, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' }),
      store.append(claimant, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream', claims: [{ scope: 'nik', key: `taken-${owner}` }] }),
      // the same stream again in the same transaction: it sees the append just before it
      store.append(chained, [newEvent('Numbered', { n: 2 })], { expectedVersion: 1 }),
      store.append(duplicate, [{ ...newEvent(), id: stored.id }], { expectedVersion: 'no_stream' }),
      store.append(existing, [newEvent('Numbered', { n: 2 })], { expectedVersion: 'any' }),
    ]);
    await blocker;
    const [freshR, wrongR, chainedR, claimR, chained2R, duplicateR, anyR] = outcomes;
    const value = (o: PromiseSettledResult<AppendResult>) => (o as PromiseFulfilledResult<AppendResult>).value;
    const reason = (o: PromiseSettledResult<AppendResult>) => (o as PromiseRejectedResult).reason as Error;
    expect([freshR, chainedR, chained2R, anyR].map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect([value(freshR).version, value(chainedR).version, value(chained2R).version, value(anyR).version]).toEqual([1, 1, 2, 2]);
    expect(reason(wrongR)).toBeInstanceOf(WrongExpectedVersionError);
    expect(reason(wrongR)).toMatchObject({ streamId: existing, expected: 5, actual: 1 });
    expect(reason(claimR)).toBeInstanceOf(UniqueClaimViolationError);
    expect(reason(claimR)).toMatchObject({ scope: 'nik' });
    expect(reason(duplicateR)).toBeInstanceOf(DuplicateEventIdError);
    expect(reason(duplicateR)).toMatchObject({ eventId: stored.id });
    // the four that succeeded committed together, in the order they came, failures in between
    const positions = [freshR, chainedR, chained2R, anyR].map((o) => value(o).firstPosition);
    expect(new Set(positions.map(transactionOf)).size).toBe(1);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    // (read from the table: readAll stops at the horizon, which other test files' transactions may hold back)
    const { rows: written } = await pool.query(`SELECT global_position, stream_id FROM events WHERE global_position = ANY($1) ORDER BY global_position`, [positions]);
    expect(written.map((r) => [Number(r.global_position), r.stream_id])).toEqual([
      [positions[0], fresh],
      [positions[1], chained],
      [positions[2], chained],
      [positions[3], existing],
    ]);
    // nothing of the failed ones was written, their claims neither
    expect(await store.readStream(claimant)).toEqual([]);
    expect(await store.readStream(duplicate)).toEqual([]);
    expect((await store.readStream(existing)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    const { rows } = await pool.query(`SELECT key, stream_id FROM unique_claims WHERE stream_id = ANY($1) ORDER BY key`, [[fresh, claimant]]);
    expect(rows).toEqual([{ key: `new-${fresh}`, stream_id: fresh }]);
    for (const s of [fresh, chained, existing]) expect(await store.verifyStream(s)).toMatchObject({ valid: true });
  });

  it('when PostgreSQL refuses the shared statement as a whole, runs each append alone: only the one at fault fails, with its own error', async () => {
    const store = new PostgresEventStore(pool, { groupCommit: ONE_AT_A_TIME });
    const streams = [testStream(), testStream(), testStream()];
    const blocker = store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' });
    const outcomes = await Promise.allSettled(
      streams.map((s, i) =>
        // jsonb takes no NUL character: the parameters of the whole statement are refused
        store.append(s, [newEvent('Numbered', { text: i === 1 ? 'a\u0000b' : 'fine' })], { expectedVersion: 'no_stream' }),
      ),
    );
    await blocker;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const refused = (outcomes[1] as PromiseRejectedResult).reason as DatabaseError;
    expect(refused).toBeInstanceOf(DatabaseError);
    expect(refused.code).toBe('22P05');
    expect(await store.readStream(streams[1])).toEqual([]);
    for (const s of [streams[0], streams[2]]) expect((await store.readStream(s)).map((e) => e.data)).toEqual([{ text: 'fine' }]);
  });

  it('tells its listeners once per shared transaction, with its last position, before the appends return', async () => {
    const store = new PostgresEventStore(pool, { groupCommit: ONE_AT_A_TIME });
    const told: number[] = [];
    store.onAppended((p) => told.push(p as number));
    const results = await Promise.all(Array.from({ length: 4 }, () => store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' }).then((r) => ({ r, toldThen: told.length }))));
    expect(told).toEqual([results[0].r.lastPosition, results[3].r.lastPosition]);
    expect(results.map((x) => x.toldThen)).toEqual([1, 2, 2, 2]);
  });

  it('does not wait for a stream another transaction holds: that append runs alone and waits, the others commit at once', async () => {
    const store = new PostgresEventStore(pool, { groupCommit: ONE_AT_A_TIME });
    const held = testStream();
    const others = [testStream(), testStream()];
    const holder = await pool.connect();
    try {
      // another writer in the middle of an append to `held`: it holds the stream's lock
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(${STREAM_APPEND_LOCK_CLASS}, hashtext($1))`, [held]);
      const blocker = store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' });
      const waiting = store.append(held, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
      let heldDone = false;
      void waiting.then(() => (heldDone = true));
      const together = await Promise.all(others.map((s) => store.append(s, [newEvent()], { expectedVersion: 'no_stream' })));
      await blocker;
      expect(together.map((r) => r.version)).toEqual([1, 1]);
      expect(heldDone).toBe(false);
      await holder.query('COMMIT');
      expect(await waiting).toMatchObject({ streamId: held, version: 1 });
      // it ran in a transaction of its own, after the others
      expect(transactionOf((await waiting).firstPosition)).not.toBe(transactionOf(together[0].firstPosition));
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
  });

  it('fails a bad append at its own call, before it can share a transaction', async () => {
    const store = new PostgresEventStore(pool, { groupCommit: ONE_AT_A_TIME });
    const blocker = store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' });
    const good = testStream();
    const outcomes = await Promise.allSettled([
      store.append(testStream(), [newEvent()], { expectedVersion: -3 }),
      store.append(testStream(), [newEvent('Numbered', { big: 10n })], { expectedVersion: 'no_stream' }),
      store.append(good, [newEvent()], { expectedVersion: 'no_stream' }),
    ]);
    await blocker;
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(RangeError);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
    expect(await store.streamVersion(good)).toBe(1);
  });

  it('runs an append that failed in a way the store has no typed error for again alone: it ends in PostgreSQL\'s own error, the others commit', async () => {
    const store = new PostgresEventStore(pool, { groupCommit: ONE_AT_A_TIME });
    const blocker = store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' });
    const streams = [testStream(), testStream(), testStream()];
    const outcomes = await Promise.allSettled(
      streams.map((s, i) =>
        // a claim without a key: unique_claims.key is NOT NULL
        store.append(s, [newEvent()], { expectedVersion: 'no_stream', claims: i === 1 ? [{ scope: 'nik', key: null as unknown as string }] : [] }),
      ),
    );
    await blocker;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DatabaseError);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: '23502' });
    expect(await store.readStream(streams[1])).toEqual([]);
  });

  it('without group commit, every append has a transaction of its own', async () => {
    const store = new PostgresEventStore(pool, { groupCommit: false });
    const results = await Promise.all(Array.from({ length: 5 }, () => store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' })));
    expect(new Set(results.map((r) => transactionOf(r.firstPosition))).size).toBe(5);
  });

  it.each([
    ['an exact expected version fails with the version the stream is at', 1 as const, { error: 2 }],
    ['"any" is retried and lands after it', 'any' as const, { version: 3 }],
  ])('a single event whose stream another transaction appends to while it waits for the lock: %s', async (_case, expectedVersion, outcome) => {
    const store = new PostgresEventStore(pool, { groupCommit: false });
    const stream = testStream();
    await store.append(stream, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      const other = newEvent('Numbered', { n: 2 });
      // the other writer appends version 2 and holds the stream's lock until it commits
      await holder.query(`SELECT * FROM jejak_append($1, 1, $2, $3, $4, $5::jsonb[], $6::jsonb[], '{}', '{}')`, [
        stream,
        [other.id],
        [other.type],
        [1],
        [JSON.stringify(other.data)],
        [JSON.stringify(other.metadata)],
      ]);
      const ours = store.append(stream, [newEvent('Numbered', { n: 3 })], { expectedVersion }).then(
        (r) => ({ version: r.version }),
        (e: unknown) => ({ error: (e as WrongExpectedVersionError).actual, type: (e as Error).constructor }),
      );
      // ours has read the head and waits for the lock
      await new Promise((resolve) => setTimeout(resolve, 200));
      await holder.query('COMMIT');
      const settled = await ours;
      expect(settled).toMatchObject(outcome);
      if ('error' in outcome) expect(settled).toMatchObject({ type: WrongExpectedVersionError });
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
    expect(await store.verifyStream(stream)).toMatchObject({ valid: true });
  });
});
