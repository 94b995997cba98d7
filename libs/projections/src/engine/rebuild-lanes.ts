import type { RecordedEvent } from '@jejak/event-store';
import type { Pool, PoolClient } from 'pg';
import { createIndexes } from './projection-tables';
import type { ProjectionMetrics } from './projection-metrics';
import type { ProjectionsConfig } from './projections.config';
import { applyRebuildBatch, type Target } from './rebuild-target';

interface Lane {
  client: PoolClient;
  targets: Target[];
  /** the lane's last dispatched batch; batches of one lane apply in order */
  tail: Promise<void>;
}

/**
 * The replay's connections. Node folds on one thread while PostgreSQL writes: with every
 * projection on one connection, each waited for the others' statements and the CPU sat idle
 * half the time. Each lane is a connection of its own applying its projections' batches in
 * order in its own transaction; lanes run side by side, so one projection's rows are written
 * while the next projection folds. A lane's commit carries its projections' progress; the live
 * tables are untouched until the swap, and a crash only restarts the rebuild (ADR 0005), so
 * lanes need no common transaction.
 */
export class RebuildLanes {
  private constructor(
    private readonly lanes: Lane[],
    private readonly config: ProjectionsConfig,
    private readonly stats: { applied: number; deadLetters: number },
    private readonly metrics?: ProjectionMetrics,
  ) {}

  /** one lane per target, at most `rebuildConnections`, and never so many that the pool has none left for the reader */
  static async open(
    pool: Pool,
    targets: readonly Target[],
    config: ProjectionsConfig,
    stats: { applied: number; deadLetters: number },
    metrics?: ProjectionMetrics,
  ): Promise<RebuildLanes> {
    const poolMax = (pool as Pool & { options?: { max?: number } }).options?.max ?? 10;
    const count = Math.max(1, Math.min(config.rebuildConnections, targets.length, poolMax - 2));
    const lanes: Lane[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const client = await pool.connect();
        lanes.push({ client, targets: [], tail: Promise.resolve() });
        // The rebuild can always start over, so its commits need not wait for the disk (ADR 0005).
        await client.query(`SET synchronous_commit TO off`);
      }
    } catch (err) {
      for (const lane of lanes) lane.client.release(true);
      throw err;
    }
    targets.forEach((t, i) => lanes[i % count].targets.push(t));
    return new RebuildLanes(lanes, config, stats, metrics);
  }

  /** queues a batch on every lane; resolves when every lane has applied the batch queued before it */
  dispatch(events: readonly RecordedEvent[], after: number): Promise<void> {
    const previous = Promise.all(this.lanes.map((l) => l.tail));
    for (const lane of this.lanes) lane.tail = lane.tail.then(() => this.apply(lane, events, after));
    // a lane that fails is reported by the next dispatch or drain; do not let it go unhandled meanwhile
    for (const lane of this.lanes) lane.tail.catch(() => undefined);
    return previous.then(() => undefined);
  }

  /** waits until every queued batch is committed */
  async drain(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.tail));
  }

  /** builds each lane's indexes on its own connection: the tables index in parallel */
  async createIndexes(): Promise<void> {
    await Promise.all(
      this.lanes.map(async (lane) => {
        await lane.client.query(`SET maintenance_work_mem TO '256MB'`);
        for (const t of lane.targets) await createIndexes(lane.client, t.projection, t.schema);
        await lane.client.query(`RESET maintenance_work_mem`);
      }),
    );
  }

  /** waits for whatever is still running (even after a failure), then gives the connections back */
  async close(): Promise<void> {
    await Promise.allSettled(this.lanes.map((l) => l.tail));
    for (const lane of this.lanes) {
      let broken: Error | undefined;
      await lane.client.query('RESET synchronous_commit').catch((e: Error) => (broken = e));
      lane.client.release(broken);
    }
  }

  private async apply(lane: Lane, events: readonly RecordedEvent[], after: number): Promise<void> {
    const started = process.hrtime.bigint();
    const { client, targets } = lane;
    await client.query('BEGIN');
    try {
      await applyRebuildBatch(client, targets, events, after, this.config, this.stats);
      await client.query(`UPDATE projection_rebuilds SET position = $2, events_applied = events_applied + $3 WHERE id = ANY($1)`, [
        targets.map((t) => t.rebuildId),
        events[events.length - 1].globalPosition,
        events.length,
      ]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    this.metrics?.batchSeconds.observe({ mode: 'rebuild' }, Number(process.hrtime.bigint() - started) / 1e9);
  }
}
