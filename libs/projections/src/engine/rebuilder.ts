import type { PoolClient } from 'pg';
import type { Projection, ProjectionContext } from '../projection';
import { tableResolver } from './projection-context';
import { createTables } from './projection-tables';
import { PrefetchingReader } from './prefetching-reader';
import type { ProjectorDeps } from './projector';
import { RebuildInProgressError } from './rebuild-errors';
import { RebuildLanes } from './rebuild-lanes';
import type { Target } from './rebuild-target';
import { quoteIdent } from './sql';
import { swapIn } from './rebuild-swap';

const REBUILD_LOCK_NAMESPACE = 0x6a6a7262; // 'jjrb'

export type RebuildPhase = 'replay' | 'indexes' | 'catch-up' | 'swap' | 'done';

export interface RebuildProgress {
  phase: RebuildPhase;
  projections: string[];
  position: number;
  eventsRead: number;
  /** events in the log when the rebuild started: a progress bar's total */
  totalEvents: number;
}

export interface RebuildResult {
  projections: string[];
  position: number;
  eventsRead: number;
  eventsApplied: number;
  deadLetters: number;
  seconds: number;
}

export type RebuilderDeps = Pick<ProjectorDeps, 'pool' | 'store' | 'config' | 'metrics'>;

/**
 * Rebuilds projections without downtime: replays the whole log once into fresh tables in a
 * schema of their own (`rebuild_<name>_<suffix>`) while the live tables keep serving and the live
 * projector keeps running, then swaps them in atomically (rebuild-swap.ts). Several projections
 * rebuild in one pass over the log. A crash leaves only a stray schema, dropped by the next rebuild.
 */
export class Rebuilder {
  constructor(private readonly deps: RebuilderDeps) {}

  async rebuild(projections: readonly Projection[], onProgress: (p: RebuildProgress) => void = () => undefined): Promise<RebuildResult> {
    const started = process.hrtime.bigint();
    const names = projections.map((p) => p.name);
    const client = await this.deps.pool.connect();
    let broken: Error | undefined;
    const locked: string[] = [];
    const targets: Target[] = [];
    let lanes: RebuildLanes | undefined;
    try {
      for (const name of names) {
        const { rows } = await client.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [REBUILD_LOCK_NAMESPACE, name]);
        if (!rows[0].ok) throw new RebuildInProgressError(name);
        locked.push(name);
      }
      // The rebuild can always start over, so it need not wait for each commit to reach disk.
      await client.query('SET synchronous_commit TO off');
      const suffix = Date.now().toString(36);
      for (const p of projections) targets.push(await prepare(client, p, suffix));
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM events');
      const progress: RebuildProgress = { phase: 'replay', projections: names, position: 0, eventsRead: 0, totalEvents: Number(rows[0].n) };
      const stats = { applied: 0, deadLetters: 0 };
      onProgress({ ...progress });
      lanes = await RebuildLanes.open(this.deps.pool, targets, this.deps.config, stats, this.deps.metrics);
      const open = lanes;
      const replay = () => this.replay(open, progress, onProgress);
      await replay();
      progress.phase = 'indexes';
      onProgress({ ...progress });
      await lanes.createIndexes();
      progress.phase = 'catch-up';
      onProgress({ ...progress });
      await replay();
      await lanes.close();
      lanes = undefined;
      progress.phase = 'swap';
      onProgress({ ...progress });
      progress.position = await swapIn(client, this.deps.store, targets, progress.position, this.deps.config, stats);
      progress.phase = 'done';
      onProgress({ ...progress });
      return {
        projections: names,
        position: progress.position,
        eventsRead: progress.eventsRead,
        eventsApplied: stats.applied,
        deadLetters: stats.deadLetters,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      };
    } catch (err) {
      // the lanes' transactions must end before their tables can be dropped
      await lanes?.close();
      await client.query('ROLLBACK').catch(() => undefined);
      await abandon(client, targets, err).catch((e: Error) => (broken = e));
      throw err;
    } finally {
      for (const name of locked) await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [REBUILD_LOCK_NAMESPACE, name]).catch(() => undefined);
      await client.query('RESET synchronous_commit').catch((e: Error) => (broken = e));
      client.release(broken);
    }
  }

  /**
   * Replays from the current position until a read comes back short (caught up). The next batch
   * is read while the lanes apply this one, and a batch is handed over only when the lanes have
   * finished the one before it: a few batches, never the log, are in memory.
   */
  private async replay(lanes: RebuildLanes, progress: RebuildProgress, onProgress: (p: RebuildProgress) => void): Promise<void> {
    const batchSize = this.deps.config.rebuildBatchSize;
    const reader = new PrefetchingReader(this.deps.store);
    for (;;) {
      const events = await reader.read(progress.position, batchSize);
      if (events.length === batchSize) reader.prefetch(events[events.length - 1].globalPosition, batchSize);
      if (events.length === 0) break;
      await lanes.dispatch(events, progress.position);
      progress.position = events[events.length - 1].globalPosition;
      progress.eventsRead += events.length;
      onProgress({ ...progress });
      if (events.length < batchSize) break;
    }
    await lanes.drain();
  }
}

async function prepare(client: PoolClient, projection: Projection, suffix: string): Promise<Target> {
  const name = projection.name;
  const { rows: stray } = await client.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname ~ $1`,
    [`^(rebuild|retired)_${name}_[a-z0-9]+$`],
  );
  for (const s of stray) await client.query(`DROP SCHEMA ${quoteIdent(s.nspname)} CASCADE`);
  await client.query(
    `UPDATE projection_rebuilds SET status = 'failed', error = 'abandoned (process ended)', finished_at = now()
     WHERE projection = $1 AND status = 'running'`,
    [name],
  );
  const schema = `rebuild_${name}_${suffix}`;
  await client.query('BEGIN');
  await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  await createTables(client, projection, schema, false);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO projection_rebuilds (projection, schema_name, status) VALUES ($1, $2, 'running') RETURNING id`,
    [name, schema],
  );
  await client.query('COMMIT');
  const table = tableResolver(projection, schema);
  const context = (on: PoolClient): ProjectionContext => ({ client: on, rebuilding: true, table });
  return { projection, schema, rebuildId: Number(rows[0].id), context };
}

async function abandon(client: PoolClient, targets: readonly Target[], err: unknown): Promise<void> {
  for (const t of targets) {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(t.schema)} CASCADE`);
    await client.query(`UPDATE projection_rebuilds SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
      t.rebuildId,
      err instanceof Error ? err.message : String(err),
    ]);
  }
}
