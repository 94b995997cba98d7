import { lastCommittedPosition } from '@jejak/testing';
import { streamCounterProjection } from '../examples/stream-counter.projection';
import { startChildProjector, type ChildProjector } from '../testing/child-projector';
import { appendLog, checkpointOf, projectionTestbed, tableChecksum, testConfig, type Testbed } from '../testing/projection-testbed';
import { ProjectionEngine } from './projection-engine';

/** Real processes, really killed: the guarantees must hold when nothing gets to clean up. */
describe('Projector processes', () => {
  let bed: Testbed;
  const children: ChildProjector[] = [];
  const start = (env: Record<string, string>) => {
    const c = startChildProjector({ DATABASE_URL: bed.db.url, ...env });
    children.push(c);
    return c;
  };
  beforeAll(async () => {
    bed = await projectionTestbed('projector_process');
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((c) => c.kill()));
  });
  afterAll(() => bed.close());

  async function waitForCheckpoint(name: string, position: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await checkpointOf(bed.pool, name)).position < position) {
      if (Date.now() > deadline) throw new Error(`${name} did not reach ${position}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function checksums(name: string): Promise<string[]> {
    return [await tableChecksum(bed.pool, `${name}_streams`), await tableChecksum(bed.pool, `${name}_types`)];
  }

  /** rebuilding from scratch gives the reference tables: the live ones must equal them */
  async function expectEqualToCleanRebuild(name: string): Promise<void> {
    const live = await checksums(name);
    const engine = new ProjectionEngine({ pool: bed.pool, store: bed.store, projections: [streamCounterProjection({ name })], config: testConfig() });
    await engine.rebuild(name);
    expect(await checksums(name)).toEqual(live);
    const { rows } = await bed.pool.query(`SELECT count(*)::int AS n FROM events`);
    expect(live[0]).not.toBe('0:d41d8cd98f00b204e9800998ecf8427e');
    const { rows: sum } = await bed.pool.query(`SELECT sum(events)::int AS n FROM ${name}_streams`);
    expect(sum[0].n).toBe(rows[0].n);
  }

  it('killed mid-batch (SIGKILL) and restarted, the read model equals a clean rebuild', async () => {
    const last = await appendLog(bed.store, { streams: 200, perStream: 150, concurrency: 4 });
    const first = start({ PROJECTION: 'killed', BATCH_SIZE: '500', HANG_AT_BATCH: '12' });
    await first.waitFor(/^mid-batch$/);
    await first.kill('SIGKILL');
    const atKill = await checkpointOf(bed.pool, 'killed');
    expect(atKill.position).toBeGreaterThan(0);
    expect(atKill.position).toBeLessThan(last);

    const second = start({ PROJECTION: 'killed', BATCH_SIZE: '500' });
    await second.waitFor(/^leader$/);
    await waitForCheckpoint('killed', last);
    await second.kill('SIGTERM');
    await expectEqualToCleanRebuild('killed');
  });

  it('two projector processes: only the leader works; kill it and the standby takes over within 5 s, losing and repeating nothing', async () => {
    const last = await lastCommittedPosition(bed.pool);
    const a = start({ PROJECTION: 'led', BATCH_SIZE: '300', SLOW_MS: '40' });
    await a.waitFor(/^leader$/);
    const b = start({ PROJECTION: 'led', BATCH_SIZE: '300', SLOW_MS: '40' });
    await a.waitFor(/^work 10$/);
    expect(b.lines.filter((l) => l === 'leader' || l.startsWith('work'))).toEqual([]);

    const killedAt = Date.now();
    await a.kill('SIGKILL');
    const tookOverAt = await b.waitFor(/^leader$/, 10_000);
    expect(tookOverAt - killedAt).toBeLessThan(5000);
    await waitForCheckpoint('led', last);
    await expectEqualToCleanRebuild('led');
  });
});
