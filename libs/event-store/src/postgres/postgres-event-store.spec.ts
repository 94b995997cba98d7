import { runMigrations } from '@jejak/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import type { RecordedEvent } from '../event-store.port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { newEvent, testStream } from '../testing/fixtures';
import { eventStoreMigrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;

describeEventStoreContract('PostgreSQL', () => {
  let pool: Pool;
  return {
    async create(options) {
      if (!db) {
        db = await createTestDatabase('store_contract');
        await runMigrations(db.url, eventStoreMigrations);
        pool = db.pool(20);
      }
      return new PostgresEventStore(pool, { upcasters: options?.upcasters, pollIntervalMs: 20 });
    },
    async tamper(streamId, version, data) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
        await c.query('UPDATE events SET data = $3 WHERE stream_id = $1 AND stream_version = $2', [streamId, version, JSON.stringify(data)]);
        await c.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    },
    teardown: () => db.drop(),
  };
});

describe('PostgreSQL event store: the database protects history', () => {
  let tdb: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let stream: string;

  beforeAll(async () => {
    tdb = await createTestDatabase('store_immutable');
    await runMigrations(tdb.url, eventStoreMigrations);
    pool = tdb.pool(4);
    store = new PostgresEventStore(pool);
    stream = testStream();
    await store.append(stream, [newEvent('Numbered', { n: 1 }), newEvent('Numbered', { n: 2 })], { expectedVersion: 'no_stream' });
  });
  afterAll(async () => {
    await store.close();
    await tdb.drop();
  });

  it.each([
    ['UPDATE', `UPDATE events SET data = '{}'::jsonb WHERE stream_id = $1`],
    ['DELETE', `DELETE FROM events WHERE stream_id = $1`],
  ])('refuses %s even for the table owner', async (_op, sql) => {
    await expect(pool.query(sql, [stream])).rejects.toMatchObject({ code: 'JJ002' });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('refuses TRUNCATE', async () => {
    await expect(pool.query('TRUNCATE events')).rejects.toMatchObject({ code: 'JJ002' });
  });

  it('grants the application role read and append, never update or delete', async () => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL ROLE jejak_app');
      await c.query('SAVEPOINT s');
      await expect(c.query(`UPDATE events SET data = '{}'::jsonb WHERE stream_id = $1`, [stream])).rejects.toMatchObject({ code: '42501' });
      await c.query('ROLLBACK TO SAVEPOINT s');
      await expect(c.query(`DELETE FROM events WHERE stream_id = $1`, [stream])).rejects.toMatchObject({ code: '42501' });
      await c.query('ROLLBACK TO SAVEPOINT s');
      const { rows } = await c.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [stream]);
      expect(rows[0].n).toBe(2);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });

  it('reports a deleted event as a break in the chain at its version', async () => {
    const s = testStream();
    await store.append(s, [1, 2, 3].map((n) => newEvent('Numbered', { n })), { expectedVersion: 'no_stream' });
    const c = await pool.connect();
    try {
      await c.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
      await c.query('DELETE FROM events WHERE stream_id = $1 AND stream_version = 2', [s]);
    } finally {
      await c.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
      c.release();
    }
    expect(await store.verifyStream(s)).toMatchObject({ valid: false, checkedEvents: 2, firstBrokenVersion: 3 });
  });

  it('chains hashes that verification reproduces, whatever the data looks like', async () => {
    // jejak_append builds the canonical text by hand for speed; jejak_event_hash is the reference
    const s = testStream();
    const awkward = [
      { b: 1, a: 2, nested: { z: [3, 2, 1], y: null, aa: true } },
      { text: 'Bu Siti "Warung" \\ \n\t\u0001 ÄÖ 漢字 😀', empty: '', key_with_quote: { 'a"b': 'c' } },
      { n: [0, -1, 1.5, 1e3, 1e21, 2 ** 53, 0.000001, -0.25] },
      [],
      'just a string',
    ];
    await store.append(s, awkward.map((data) => ({ ...newEvent('Numbered'), data })), { expectedVersion: 'no_stream' });
    await store.append(s, [{ ...newEvent('Numbered'), metadata: { ...newEvent().metadata, reason: 'koreksi: "salah ketik" ✓' } }], { expectedVersion: 5 });
    // and each alone, as a command appends it
    for (const [i, data] of awkward.entries()) await store.append(s, [{ ...newEvent('Numbered'), data }], { expectedVersion: 6 + i });
    expect(await store.verifyStream(s)).toMatchObject({ valid: true, checkedEvents: 6 + awkward.length, firstBrokenVersion: null });
  });

  it('reads the recorded instant exactly as pg parses recorded_at, microseconds cut to the millisecond', async () => {
    const s = testStream();
    const instants = [
      '2024-12-09 02:00:00.123+00',
      '2024-12-09 02:00:00.123999+00',
      '2026-06-30 23:59:59.999+07',
      '2025-01-01 00:00:00+00',
      '1969-12-31 23:59:59.25+00',
      '2038-01-19 03:14:08.000001+00',
    ];
    await store.append(s, instants.map((_, n) => newEvent('Numbered', { n })), { expectedVersion: 'no_stream' });
    const c = await pool.connect();
    try {
      // history is immutable; only a test may move the instants it compares
      await c.query('BEGIN');
      await c.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
      for (const [i, at] of instants.entries()) await c.query('UPDATE events SET recorded_at = $3 WHERE stream_id = $1 AND stream_version = $2', [s, i + 1, at]);
      await c.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    const { rows } = await pool.query<{ recorded_at: Date }>('SELECT recorded_at FROM events WHERE stream_id = $1 ORDER BY stream_version', [s]);
    const expected = rows.map((r) => r.recorded_at.getTime());
    expect(expected).toEqual([1733709600123, 1733709600123, 1782838799999, 1735689600000, -750, 2147483648000]);
    const read = await store.readStream(s);
    expect(read.map((e) => e.recordedAt.getTime())).toEqual(expected);
    // readAll stops at the cluster's horizon, which another test file's open transaction may hold back a while
    let all: RecordedEvent[] = [];
    const readAllOfThem = async () => (all = await store.readAll({ after: read[0].globalPosition - 1, limit: instants.length })).length === instants.length;
    expect(await eventually(readAllOfThem, 20_000)).toBe(true);
    expect(all.map((e) => e.recordedAt.getTime())).toEqual(expected);
  });

  it('gives every append in one transaction positions after the ones it already took, whatever came first', async () => {
    // jejak_append looks for the transaction's earlier positions only when it already holds a transaction id
    const call = (c: { query: Pool['query'] }, stream: string, n: number, claims: string[] = []) =>
      c
        .query(
          `SELECT out_first, out_last FROM jejak_append($1, 0, $2::uuid[], $3::text[], $4::integer[], $5::jsonb[], $6::jsonb[], $7::text[], $8::text[])`,
          [stream, ...columns(n), claims.map(() => 'test'), claims],
        )
        .then((r) => ({ first: Number(r.rows[0].out_first), last: Number(r.rows[0].out_last) }));
    const columns = (n: number) => {
      const events = Array.from({ length: n }, (_, i) => newEvent('Numbered', { i }));
      return [events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.schemaVersion), events.map((e) => JSON.stringify(e.data)), events.map((e) => JSON.stringify(e.metadata))];
    };
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      const first = await call(c, testStream(), 2, [`claim-${testStream()}`]); // its claim takes the transaction id before its events
      const second = await call(c, testStream(), 3);
      await c.query('SAVEPOINT s');
      const undone = await call(c, testStream(), 1);
      await c.query('ROLLBACK TO SAVEPOINT s');
      const third = await call(c, testStream(), 1);
      await c.query('COMMIT');
      expect(first.last - first.first).toBe(1);
      expect(second).toEqual({ first: first.last + 1, last: first.last + 3 });
      expect(undone.first).toBe(second.last + 1);
      expect(third.first).toBe(second.last + 1); // the rolled-back position is free again, and unique
      const other = await call(pool, testStream(), 1); // a transaction of its own starts at its own base
      expect(Math.floor(other.first / 1e6)).toBeGreaterThan(Math.floor(third.first / 1e6));
      expect(other.first % 1e6).toBe(1);
    } finally {
      c.release();
    }
  });

  it('chains the same hashes through jejak_append (several streams in one transaction) as through a lone append', async () => {
    const a = testStream();
    const b = testStream();
    await store.append(a, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
    await store.append(b, [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
    // existing streams: the general path, jejak_append once per stream inside one transaction
    await store.appendMany([
      { streamId: a, events: [{ ...newEvent('Numbered'), data: { t: 'Bu "Siti" \\ 漢字 😀', x: [1e21, -0.25] } }], options: { expectedVersion: 1 } },
      { streamId: b, events: [newEvent('Numbered', { n: 2 }), newEvent('Numbered', { n: 3 })], options: { expectedVersion: 1 } },
    ]);
    await store.append(a, [newEvent('Numbered', { n: 3 })], { expectedVersion: 2 });
    expect(await store.verifyStream(a)).toMatchObject({ valid: true, checkedEvents: 3 });
    expect(await store.verifyStream(b)).toMatchObject({ valid: true, checkedEvents: 3 });
  });

  it('settles many writers racing for one stream: one wins each version, the others learn the actual version, the chain stays whole', async () => {
    const s = testStream();
    await store.append(s, [newEvent('Numbered')], { expectedVersion: 'no_stream' });
    const exact = await Promise.allSettled(Array.from({ length: 8 }, () => store.append(s, [newEvent('Numbered')], { expectedVersion: 1 })));
    expect(exact.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of exact.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(r.reason).toMatchObject({ actual: 2 });
    const any = await Promise.all(Array.from({ length: 8 }, (_, i) => store.append(s, [newEvent('Numbered', { i })], { expectedVersion: 'any' })));
    expect(any.map((r) => r.version).sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await store.verifyStream(s)).toMatchObject({ valid: true, checkedEvents: 10, firstBrokenVersion: null });
  });

  it('runs its migrations again without harm', async () => {
    expect(await runMigrations(tdb.url, eventStoreMigrations)).toEqual([]);
    expect(await store.readStream(stream)).toHaveLength(2);
  });
});
