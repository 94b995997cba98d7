import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import type { RecordedEvent } from '../../event-store.port';
import { newEvent, testStream } from '../../testing/fixtures';
import { PostgresEventStore } from '../postgres-event-store';
import { eventStoreMigrations } from '.';

/** how far ahead of this cluster the "old" cluster's transaction ids were: 5 million transactions */
const AHEAD = 5_000_000 * 1_000_000;

/**
 * A logical restore (pg_dump, then pg_restore or psql into a new cluster) keeps the rows, positions
 * included, but not the old cluster's transaction counter. It is simulated by writing a stream in
 * one database and inserting its rows into another, as a restore's COPY would, with positions as
 * far ahead as an older, busier cluster would have given them. Hashes do not cover positions, so
 * the restored stream still verifies.
 */
async function restoredDatabase(source: Pool, target: Pool): Promise<{ stream: string; lastRestored: number }> {
  const stream = testStream();
  await new PostgresEventStore(source).append(stream, [newEvent('Numbered', { n: 1 }), newEvent('Numbered', { n: 2 })], { expectedVersion: 'no_stream' });
  const { rows } = await source.query(
    `SELECT global_position, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at, hash
     FROM events WHERE stream_id = $1 ORDER BY global_position`,
    [stream],
  );
  for (const r of rows)
    await target.query(
      `INSERT INTO events (global_position, stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [Number(r.global_position) + AHEAD, r.stream_id, r.stream_version, r.event_id, r.event_type, r.schema_version, r.data, r.metadata, r.recorded_at, r.hash],
    );
  return { stream, lastRestored: Number(rows[rows.length - 1].global_position) + AHEAD };
}

/** readAll after `after` until `position` is in it: the gap-safe horizon may wait for other test files' open transactions */
async function readUntil(store: PostgresEventStore, after: number, position: number): Promise<RecordedEvent[]> {
  for (let i = 0; i < 200; i++) {
    const events = await store.readAll({ after, limit: 100 });
    if (events.some((e) => e.globalPosition === position)) return events;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`position ${position} never became readable after ${after}`);
}

describe('global positions after a logical restore into a new cluster', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let sourcePool: Pool;
  let targetPool: Pool;

  beforeEach(async () => {
    source = await createTestDatabase('restore_source');
    target = await createTestDatabase('restore_target');
    for (const db of [source, target]) await runMigrations(db.url, eventStoreMigrations);
    sourcePool = source.pool(2);
    targetPool = target.pool(4);
  });
  afterEach(async () => {
    await sourcePool.end();
    await targetPool.end();
    await source.drop();
    await target.drop();
  });

  it('would put new events below the restored ones if nothing realigned them (why every start checks)', async () => {
    const { lastRestored } = await restoredDatabase(sourcePool, targetPool);
    const appended = await new PostgresEventStore(targetPool).append(testStream(), [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
    // a projection whose checkpoint is the end of the restored log would never read this event
    expect(appended.firstPosition).toBeLessThan(lastRestored);
  });

  it('realigns on the next start: new events, single or batched, come after the restored log, every reader sees them, and the chain verifies', async () => {
    const { stream: restored, lastRestored } = await restoredDatabase(sourcePool, targetPool);
    // the pool's connections have planned the append and the read before: their cached plans must take the new offset too
    const warm = new PostgresEventStore(targetPool);
    await Promise.all([1, 2, 3, 4].map(() => warm.readAll({ after: 0, limit: 10 })));
    const said: string[] = [];

    await runMigrations(target.url, eventStoreMigrations, (m) => said.push(m));

    expect(said).toEqual([expect.stringContaining('ahead of this PostgreSQL cluster')]);
    const store = new PostgresEventStore(targetPool);
    const one = await store.append(testStream(), [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
    const [a, b] = await store.appendMany([
      { streamId: testStream(), events: [newEvent('Numbered', { n: 1 })], options: { expectedVersion: 'no_stream' } },
      { streamId: testStream(), events: [newEvent('Numbered', { n: 1 }), newEvent('Numbered', { n: 2 })], options: { expectedVersion: 'no_stream' } },
    ]);
    expect(one.firstPosition).toBeGreaterThan(lastRestored);
    expect(a.firstPosition).toBeGreaterThan(one.lastPosition);
    expect(b.lastPosition).toBeGreaterThan(a.lastPosition);

    // a reader checkpointed at the end of the restored log reads exactly the new events, in order
    const after = await readUntil(store, lastRestored, b.lastPosition);
    expect(after.map((e) => e.globalPosition)).toEqual([one.firstPosition, a.firstPosition, b.firstPosition, b.lastPosition]);
    expect(await store.headPosition()).toBeGreaterThanOrEqual(b.lastPosition);
    expect((await store.verifyStream(restored)).valid).toBe(true);
    expect((await store.verifyStream(one.streamId)).valid).toBe(true);
  });

  it('changes nothing when the log is behind the transaction ids: the usual start', async () => {
    const store = new PostgresEventStore(targetPool);
    await store.append(testStream(), [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
    const said: string[] = [];

    await runMigrations(target.url, eventStoreMigrations, (m) => said.push(m));

    expect(said).toEqual([]);
    expect((await targetPool.query('SELECT jejak_position_offset() AS o')).rows[0].o).toBe('0');
  });

  it('realigns once: a second start after the restore leaves the offset where the first put it', async () => {
    await restoredDatabase(sourcePool, targetPool);
    await runMigrations(target.url, eventStoreMigrations);
    const first = (await targetPool.query('SELECT jejak_position_offset() AS o')).rows[0].o;
    const said: string[] = [];

    await runMigrations(target.url, eventStoreMigrations, (m) => said.push(m));

    expect(said).toEqual([]);
    expect((await targetPool.query('SELECT jejak_position_offset() AS o')).rows[0].o).toBe(first);
    expect(Number(first)).toBeGreaterThan(0);
  });

  it('an append that starts while the offset moves waits for it and lands after the restored log', async () => {
    const { lastRestored } = await restoredDatabase(sourcePool, targetPool);
    // one connection that has appended before: its session holds jejak_append's plans, the old offset folded in
    const appenderPool = target.pool(1);
    const appender = new PostgresEventStore(appenderPool);
    for (let n = 0; n < 6; n++) await appender.append(testStream(), [newEvent('Numbered', { n })], { expectedVersion: 'no_stream' });
    const aligner = await targetPool.connect();
    try {
      // the realignment in progress: it holds its lock on events, and has not committed the new offset yet
      await aligner.query('BEGIN');
      await aligner.query('LOCK TABLE events IN EXCLUSIVE MODE');
      const offset = Math.floor(lastRestored / 1_000_000) + 1_000_000;
      await aligner.query(`CREATE OR REPLACE FUNCTION jejak_position_offset() RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT ${offset}::bigint'`);
      const racing = appender.append(testStream(), [newEvent('Numbered', { n: 1 })], { expectedVersion: 'no_stream' });
      await new Promise((r) => setTimeout(r, 300)); // the append is now waiting for the lock
      await aligner.query('COMMIT');
      expect((await racing).firstPosition).toBeGreaterThan(lastRestored);
    } finally {
      aligner.release();
      await appenderPool.end();
    }
  });
});
