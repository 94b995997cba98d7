import { lastCommittedPosition } from '@jejak/testing';
import { streamCounterProjection } from '../examples/stream-counter.projection';
import { appendLog, checkpointOf, projectionTestbed, tableChecksum, testConfig, type Testbed } from '../testing/projection-testbed';
import { ProjectionEngine } from './projection-engine';
import { RebuildInProgressError } from './rebuild-errors';

describe('Rebuilding a projection without downtime', () => {
  let bed: Testbed;
  beforeAll(async () => {
    bed = await projectionTestbed('rebuild');
  });
  afterAll(() => bed.close());

  /**
   * One statement sees one snapshot: the read model must always hold exactly the events up to
   * its checkpoint, before, during and after the swap.
   */
  async function consistentRead(name: string): Promise<{ projected: number; expected: number; position: number }> {
    const { rows } = await bed.pool.query(
      `SELECT (SELECT coalesce(sum(events), 0) FROM ${name}_streams)::int AS projected,
              (SELECT coalesce(sum(events), 0) FROM ${name}_types)::int AS by_type,
              c.position::float8 AS position,
              (SELECT count(*) FROM events e WHERE e.global_position <= c.position)::int AS expected
       FROM projection_checkpoints c WHERE c.name = $1`,
      [name],
    );
    expect(rows[0].by_type).toBe(rows[0].projected);
    return rows[0];
  }

  it('queries keep answering correctly while the rebuild runs and after the swap, with live appends going on', async () => {
    const projection = streamCounterProjection({ name: 'rb' });
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [projection], config: testConfig({ rebuildBatchSize: 500 }) });
    await engine.setup();
    const initial = await appendLog(bed.store, { streams: 100, perStream: 200, concurrency: 4 });
    engine.projector.start();
    expect(await engine.waitForPosition(initial, 30_000)).toBe(true);

    let rebuilding = true;
    const reads: Array<{ projected: number; expected: number }> = [];
    const reader = (async () => {
      while (rebuilding) reads.push(await consistentRead('rb'));
    })();
    let lastAppended = initial;
    const writer = (async () => {
      while (rebuilding) lastAppended = await appendLog(bed.store, { streams: 2, perStream: 10, concurrency: 1 });
    })();
    const phases: string[] = [];
    const result = await engine.rebuild('rb', (p) => phases.at(-1) !== p.phase && phases.push(p.phase));
    rebuilding = false;
    await Promise.all([reader, writer]);

    expect(phases).toEqual(['replay', 'indexes', 'catch-up', 'swap', 'done']);
    expect(reads.length).toBeGreaterThan(5);
    for (const r of reads) expect(r.projected).toBe(r.expected);
    expect(reads.at(-1)!.projected).toBeGreaterThanOrEqual(reads[0].projected);
    expect(result.eventsRead).toBeGreaterThanOrEqual(20_000);

    expect(await engine.waitForPosition(lastAppended, 10_000)).toBe(true);
    const after = await consistentRead('rb');
    expect(after.projected).toBe(after.expected);
    const { rows: leftovers } = await bed.pool.query(`SELECT nspname FROM pg_namespace WHERE nspname ~ '^(rebuild|retired)_'`);
    expect(leftovers).toEqual([]);
    const { rows: indexes } = await bed.pool.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'rb_streams' ORDER BY 1`);
    expect(indexes.map((i) => i.indexname)).toEqual(['rb_streams_last_type', 'rb_streams_pkey']);
    expect((await engine.statuses())[0].rebuild).toMatchObject({ status: 'swapped' });
    await engine.stop();
  });

  it('a rebuild equals the live tables it replaces (same checksums)', async () => {
    const projection = streamCounterProjection({ name: 'rb' });
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [projection], config: testConfig() });
    const live = [await tableChecksum(bed.pool, 'rb_streams'), await tableChecksum(bed.pool, 'rb_types')];
    await engine.rebuild('rb');
    expect([await tableChecksum(bed.pool, 'rb_streams'), await tableChecksum(bed.pool, 'rb_types')]).toEqual(live);
  });

  it('refuses a second rebuild of the same projection while one runs', async () => {
    const projection = streamCounterProjection({ name: 'rb' });
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [projection], config: testConfig({ rebuildBatchSize: 2000 }) });
    const { done } = await engine.startRebuild('rb');
    await expect(engine.startRebuild('rb')).rejects.toBeInstanceOf(RebuildInProgressError);
    await done;
  });

  it('a new version that adds a column: the serving table gains it, empty and nullable, until the rebuilt table brings it filled', async () => {
    const v1 = streamCounterProjection({ name: 'cols' });
    const first = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [v1], config: testConfig() });
    await first.setup();
    first.projector.start();
    expect(await first.waitForPosition(await lastCommittedPosition(bed.pool), 20_000)).toBe(true);
    await first.stop();
    const v1Rows = async () =>
      (await bed.pool.query(`SELECT md5(string_agg(concat_ws(',', stream_id, events, last_type, last_position), '|' ORDER BY stream_id)) AS sum FROM cols_streams`)).rows[0].sum;
    const before = await v1Rows();

    const [streams, types] = streamCounterProjection({ name: 'cols', version: 2 }).tables;
    const v2 = { ...streamCounterProjection({ name: 'cols', version: 2 }), tables: [{ ...streams, ddl: (t: string) => streams.ddl(t).replace(/\)$/, ', counted boolean NOT NULL DEFAULT true)') }, types] };
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [v2], config: testConfig() });
    await engine.setup();
    const column = async () =>
      (await bed.pool.query(`SELECT is_nullable, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'cols_streams' AND column_name = 'counted'`)).rows[0];
    const counted = async () => (await bed.pool.query(`SELECT count(*)::int AS rows, count(counted)::int AS filled FROM cols_streams`)).rows[0];
    expect(await column()).toEqual({ is_nullable: 'YES', data_type: 'boolean' });
    expect(await counted()).toMatchObject({ filled: 0 });
    // the old rows still serve, unchanged but for the empty column, and a second start adds nothing
    await engine.setup();
    expect(await v1Rows()).toBe(before);

    await engine.rebuild('cols');
    expect(await column()).toEqual({ is_nullable: 'NO', data_type: 'boolean' });
    const after = await counted();
    expect(after.filled).toBe(after.rows);
    expect(after.rows).toBeGreaterThan(0);
  });

  it('a new projection version is rebuilt by the leader and swapped in, the old tables serving meanwhile', async () => {
    const v2 = streamCounterProjection({ name: 'rb', version: 2 });
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [v2], config: testConfig() });
    await engine.setup();
    engine.startLeadership();
    const head = await lastCommittedPosition(bed.pool);
    for (;;) {
      const cp = await bed.pool.query(`SELECT version, status FROM projection_checkpoints WHERE name = 'rb'`);
      if (cp.rows[0].version === 2 && cp.rows[0].status === 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await engine.waitForPosition(head, 10_000)).toBe(true);
    const r = await consistentRead('rb');
    expect(r.projected).toBe(r.expected);
    expect(await checkpointOf(bed.pool, 'rb')).toMatchObject({ status: 'running' });
    await engine.stop();
  });
});
