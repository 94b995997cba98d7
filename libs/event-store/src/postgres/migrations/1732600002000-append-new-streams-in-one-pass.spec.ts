import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { UniqueClaimViolationError, WrongExpectedVersionError } from '../../errors';
import type { StreamAppend } from '../../event-store.port';
import { newEvent, testStream } from '../../testing/fixtures';
import { PostgresEventStore } from '../postgres-event-store';
import { eventStoreMigrations } from '.';

const fresh = (events: number, claimKey?: string, streamId = testStream()): StreamAppend => ({
  streamId,
  events: Array.from({ length: events }, (_, i) => newEvent('Numbered', { n: i + 1, text: 'a "quoted" \\ value' })),
  options: { expectedVersion: 'no_stream', claims: claimKey ? [{ scope: 'one-pass', key: claimKey }] : [] },
});

describe('appending a batch of new streams in one pass (imports, the demo seed)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('one_pass');
    await runMigrations(db.url, eventStoreMigrations);
    pool = db.pool(4);
    store = new PostgresEventStore(pool);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it('takes the one-pass path, not one jejak_append per stream', async () => {
    const batch = [fresh(2, `path-${Math.random()}`), fresh(3)];
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SET LOCAL track_functions = 'pl'`);
      await c.query(`SELECT * FROM jejak_append_many($1, $2, $3, $4, $5, $6, $7::jsonb[], $8::jsonb[], $9, $10, $11)`, [
        batch.map((a) => a.streamId),
        [0, 0],
        [2, 3],
        batch.flatMap((a) => a.events.map((e) => e.id)),
        batch.flatMap((a) => a.events.map((e) => e.type)),
        batch.flatMap((a) => a.events.map((e) => e.schemaVersion)),
        batch.flatMap((a) => a.events.map((e) => JSON.stringify(e.data))),
        batch.flatMap((a) => a.events.map((e) => JSON.stringify(e.metadata))),
        [1, 0],
        ['one-pass'],
        [batch[0].options.claims![0].key],
      ]);
      const { rows } = await c.query(`SELECT funcname, calls::int FROM pg_stat_xact_user_functions WHERE funcname LIKE 'jejak_append%' ORDER BY funcname`);
      expect(rows).toEqual([
        { funcname: 'jejak_append_many', calls: 1 },
        { funcname: 'jejak_append_new_streams', calls: 1 },
      ]);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
    for (const a of batch) expect(await store.verifyStream(a.streamId)).toMatchObject({ valid: true });
  });

  it('writes what the per-stream path writes: versions from 1, positions in batch order, verifiable chains, owned claims', async () => {
    const batch = [fresh(3, `rows-${Math.random()}`), fresh(1), fresh(4, `rows-${Math.random()}`)];
    const results = await store.appendMany(batch);
    expect(results.map((r) => [r.streamId, r.version])).toEqual(batch.map((a) => [a.streamId, a.events.length]));
    for (let i = 1; i < results.length; i++) expect(results[i].firstPosition).toBe(results[i - 1].lastPosition + 1);
    for (const [i, a] of batch.entries()) {
      const read = await store.readStream(a.streamId);
      expect(read.map((e) => [e.streamVersion, e.id, e.data])).toEqual(a.events.map((e, v) => [v + 1, e.id, e.data]));
      expect(read.map((e) => e.globalPosition)).toEqual(a.events.map((_, v) => results[i].firstPosition + v));
      expect(await store.verifyStream(a.streamId)).toMatchObject({ valid: true, checkedEvents: a.events.length });
    }
    const { rows } = await pool.query(`SELECT key, stream_id FROM unique_claims WHERE scope = 'one-pass' AND stream_id = ANY($1) ORDER BY stream_id`, [
      batch.map((a) => a.streamId),
    ]);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(batch.find((a) => a.streamId === r.stream_id)?.options.claims?.[0].key).toBe(r.key);
  });

  it('comes after earlier appends in the global order', async () => {
    const first = await store.appendMany([fresh(2)]);
    const second = await store.appendMany([fresh(2), fresh(2)]);
    expect(second[0].firstPosition).toBeGreaterThan(first[0].lastPosition);
    expect(second[1].firstPosition).toBe(second[0].lastPosition + 1);
  });

  it('writes nothing when a claim of the batch is taken, and the typed error says so', async () => {
    const key = `taken-${Math.random()}`;
    await store.appendMany([fresh(1, key)]);
    const batch = [fresh(2), fresh(1, key)];
    await expect(store.appendMany(batch)).rejects.toBeInstanceOf(UniqueClaimViolationError);
    expect(await store.readStream(batch[0].streamId)).toHaveLength(0);
  });

  it('writes nothing when two streams of the batch claim the same key', async () => {
    const key = `twice-${Math.random()}`;
    const batch = [fresh(1, key), fresh(1, key)];
    await expect(store.appendMany(batch)).rejects.toBeInstanceOf(UniqueClaimViolationError);
    expect(await store.readStream(batch[0].streamId)).toHaveLength(0);
  });

  it('names a stream that appears twice in the batch as the one that already exists', async () => {
    const twice = testStream();
    const batch = [fresh(1), fresh(2, undefined, twice), fresh(1, undefined, twice)];
    const err = await store.appendMany(batch).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongExpectedVersionError);
    expect(err).toMatchObject({ streamId: twice, actual: 2 });
    expect(await store.readStream(batch[0].streamId)).toHaveLength(0);
  });
});
