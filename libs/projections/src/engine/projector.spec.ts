import { PostgresAppendSignal, PostgresEventStore } from '@jejak/event-store';
import { lastCommittedPosition } from '@jejak/testing';
import { Registry } from 'prom-client';
import { streamCounterProjection } from '../examples/stream-counter.projection';
import { appendLog, checkpointOf, projectionTestbed, tableChecksum, testConfig, testEvent, type Testbed } from '../testing/projection-testbed';
import { liveContext } from './projection-context';
import { Projector } from './projector';
import { ProjectionEngine } from './projection-engine';
import { ProjectionMetrics } from './projection-metrics';

describe('The live projector', () => {
  let bed: Testbed;
  beforeAll(async () => {
    bed = await projectionTestbed('projector');
  });
  afterAll(() => bed.close());

  async function totals(name: string) {
    const { rows } = await bed.pool.query(`SELECT count(*)::int AS streams, coalesce(sum(events), 0)::int AS events FROM ${name}_streams`);
    return rows[0] as { streams: number; events: number };
  }

  it('applies every event once, with the checkpoint in the same transaction, and keeps up with new appends', async () => {
    const projection = streamCounterProjection({ name: 'once' });
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [projection], config: testConfig() });
    await engine.setup();
    const first = await appendLog(bed.store, { streams: 40, perStream: 100 });
    engine.projector.start();
    expect(await engine.waitForPosition(first, 20_000)).toBe(true);
    expect(await totals('once')).toEqual({ streams: 40, events: 4000 });
    const second = await appendLog(bed.store, { streams: 5, perStream: 20 });
    expect(await engine.waitForPosition(second, 10_000)).toBe(true);
    expect(await totals('once')).toEqual({ streams: 45, events: 4100 });
    await engine.stop();
  });

  it('two projectors racing over the same log still apply each event exactly once', async () => {
    const projection = streamCounterProjection({ name: 'race' });
    const deps = { pool: bed.pool, store: bed.store, projections: [projection], config: testConfig({ batchSize: 100 }) };
    const engine = new ProjectionEngine(deps);
    await engine.setup();
    const last = await lastCommittedPosition(bed.pool);
    const a = new Projector(deps);
    const b = new Projector(deps);
    a.start();
    b.start();
    expect(await engine.waitForPosition(last, 20_000)).toBe(true);
    await Promise.all([a.stop(), b.stop()]);
    const { rows } = await bed.pool.query(`SELECT count(*)::int AS n FROM events`);
    expect((await totals('race')).events).toBe(rows[0].n);
  });

  it('looks at once after an append in its own process instead of waiting for its next poll', async () => {
    const projection = streamCounterProjection({ name: 'woken' });
    // a poll a minute apart: only the append's signal can bring the new event in time
    const config = testConfig({ pollIntervalMs: 60_000 });
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [projection], config });
    await engine.setup();
    const caughtUp = await lastCommittedPosition(bed.pool);
    const woken = new Projector({ pool: bed.pool, store: bed.store, projections: [projection], config });
    // the same projector over a store that signals nothing: it waits for its poll
    const deaf = streamCounterProjection({ name: 'deaf' });
    await new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [deaf], config }).setup();
    const polling = new Projector({ pool: bed.pool, store: { readAll: (o) => bed.store.readAll(o) }, projections: [deaf], config });
    woken.start();
    polling.start();
    try {
      expect(await engine.waitForPosition(caughtUp, 20_000)).toBe(true);
      const deafCaughtUp = async () => (await checkpointOf(bed.pool, 'deaf')).position >= caughtUp;
      for (let i = 0; i < 200 && !(await deafCaughtUp()); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await deafCaughtUp()).toBe(true);
      const appended = await appendLog(bed.store, { streams: 1, perStream: 1 });
      expect(await engine.waitForPosition(appended, 10_000)).toBe(true);
      expect((await checkpointOf(bed.pool, 'deaf')).position).toBeLessThan(appended);
    } finally {
      await Promise.all([woken.stop(), polling.stop()]);
    }
  });

  it('looks at once after an append in another process, told by LISTEN/NOTIFY, and again soon while the write is not readable yet', async () => {
    const projection = streamCounterProjection({ name: 'told' });
    const config = testConfig({ pollIntervalMs: 60_000 });
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [projection], config });
    await engine.setup();
    // two processes: the projector's, and a writer with a pool and a store of its own
    const projectorStore = new PostgresEventStore(bed.pool, { appendSignal: new PostgresAppendSignal(bed.pool) });
    const writerPool = bed.db.pool(2);
    const writer = new PostgresEventStore(writerPool, { appendSignal: new PostgresAppendSignal(writerPool) });
    const projector = new Projector({ pool: bed.pool, store: projectorStore, projections: [projection], config });
    projector.start();
    try {
      expect(await engine.waitForPosition(await lastCommittedPosition(bed.pool), 20_000)).toBe(true);
      // an older transaction still running holds the gap-safe horizon below the write: woken at
      // once, the projector finds nothing yet, and must not go back to its one-minute poll
      const older = await bed.pool.connect();
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      let appended: number;
      try {
        appended = await appendLog(writer, { streams: 1, perStream: 1 });
        await new Promise((r) => setTimeout(r, 300));
        expect((await checkpointOf(bed.pool, 'told')).position).toBeLessThan(appended);
      } finally {
        await older.query('COMMIT');
        older.release();
      }
      expect(await engine.waitForPosition(appended, 4_000)).toBe(true);
    } finally {
      await projector.stop();
      await Promise.all([projectorStore.close(), writer.close()]);
      await writerPool.end();
    }
  });

  it('the same event delivered twice changes nothing', async () => {
    const projection = streamCounterProjection({ name: 'once' });
    const before = [await tableChecksum(bed.pool, 'once_streams'), await tableChecksum(bed.pool, 'once_types')];
    const events = await bed.store.readAll({ after: 0, limit: 300 });
    const client = await bed.pool.connect();
    try {
      await client.query('BEGIN');
      await projection.applyBatch(liveContext(client, projection, 'public'), events);
      await projection.applyBatch(liveContext(client, projection, 'public'), events.slice(100, 200));
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect([await tableChecksum(bed.pool, 'once_streams'), await tableChecksum(bed.pool, 'once_types')]).toEqual(before);
  });

  describe('a poison event', () => {
    let fixed = false;
    const poisonable = (name: string) =>
      streamCounterProjection({
        name,
        afterWrite: (events) => {
          if (!fixed && events.some((e) => e.type === 'Corrupt')) throw new Error('kolom tidak dikenal: revenue');
        },
      });

    it('under the stop policy halts its projection just before it, reports it on /health, and an admin retry resumes it', async () => {
      const stopping = poisonable('halting');
      const skipping = poisonable('skipping');
      const config = testConfig({ policy: (n) => (n === 'skipping' ? 'skip' : 'stop') });
      const metrics = new ProjectionMetrics(new Registry());
      const logged: [string, string | undefined][] = [];
      const log = (message: string, level?: 'info' | 'warn') => void logged.push([message, level]);
      const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [stopping, skipping], config, metrics, log });
      engine.registerGauges(metrics);
      await engine.setup();
      const before = await bed.store.append('case-poison', [testEvent('Registered'), testEvent('Corrupt')], { expectedVersion: 'no_stream' });
      const after = await bed.store.append('case-after', [testEvent('Registered')], { expectedVersion: 'no_stream' });
      engine.projector.start();
      expect(await engine.waitForPosition(after.lastPosition, 20_000, ['skipping'])).toBe(true);
      const poisonPosition = before.lastPosition;

      const halted = await checkpointOf(bed.pool, 'halting');
      expect(halted).toEqual({ position: poisonPosition - 1, status: 'stopped', error: expect.stringContaining('kolom tidak dikenal') });
      const health = await engine.health();
      expect(health.status).toBe('down');
      expect(health.details.halting).toMatchObject({ state: 'stopped', error: expect.stringContaining('Corrupt') });
      const letters = await engine.deadLetters();
      expect(letters.map((l) => [l.projection, l.globalPosition, l.eventType, l.policy])).toEqual([
        ['halting', poisonPosition, 'Corrupt', 'stop'],
        ['skipping', poisonPosition, 'Corrupt', 'skip'],
      ]);
      expect(letters[0].stack).toContain('kolom tidak dikenal');
      // the operator's log says so as a warning (the structured log's level), not as routine progress
      expect(logged).toContainEqual([expect.stringMatching(/^projection halting stopped at a poison event: .*kolom tidak dikenal/), 'warn']);
      expect(logged).toContainEqual([expect.stringMatching(/^projection skipping skipped 1 poison event\(s\) up to position \d+: see the dead letters$/), 'warn']);
      const scrape = await metrics.registry.metrics();
      expect(scrape).toMatch(/jejak_projection_dead_letters\{projection="halting"\} 1/);
      expect(scrape).toMatch(/jejak_projection_up\{projection="halting"\} 0/);
      expect(scrape).toMatch(/jejak_projection_lag_events\{projection="halting"\} [1-9]/);

      const stillBroken = await engine.retryDeadLetter(letters[0].id);
      expect(stillBroken).toMatchObject({ outcome: 'failed', deadLetter: { attempts: 2 } });

      fixed = true;
      expect(await engine.retryDeadLetter(letters[0].id)).toMatchObject({ outcome: 'resolved', resumed: true });
      expect(await engine.waitForPosition(after.lastPosition, 10_000, ['halting'])).toBe(true);
      expect((await engine.health()).status).toBe('up');
      const { rows } = await bed.pool.query(`SELECT count(*)::int AS n FROM events`);
      expect((await totals('halting')).events).toBe(rows[0].n);
      expect((await totals('skipping')).events).toBe(rows[0].n - 1);
      expect((await engine.deadLetters()).map((l) => l.projection)).toEqual(['skipping']);
      await engine.stop();
    });
  });

  it('reports a projection as stalled when events wait and its checkpoint does not move', async () => {
    const projection = streamCounterProjection({ name: 'stalled' });
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [projection], config: testConfig({ stallSeconds: 1 }) });
    await engine.setup();
    await bed.store.append('case-stall', [testEvent('Registered')], { expectedVersion: 'no_stream' });
    await bed.pool.query(`UPDATE projection_checkpoints SET updated_at = now() - interval '5 seconds' WHERE name = 'stalled'`);
    await bed.pool.query(`SELECT pg_sleep(1.1)`); // the stall threshold is wall-clock age of the waiting event
    const health = await engine.health();
    expect(health).toMatchObject({ status: 'down', details: { stalled: { state: 'stalled' } } });
  });
});
