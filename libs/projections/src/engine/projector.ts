import { nextBackoff, SignalledPosition, WakeableSleep, type EventStore, type RecordedEvent } from '@jejak/event-store';
import type { Pool } from 'pg';
import type { Projection, ProjectionLog } from '../projection';
import { applyToProjection } from './batch-applier';
import { loadCheckpoints, lockCheckpoints, updateCheckpoints, type Checkpoint, type CheckpointUpdate } from './checkpoint-store';
import { PrefetchingReader } from './prefetching-reader';
import { liveContext } from './projection-context';
import type { ProjectionMetrics } from './projection-metrics';
import type { ProjectionsConfig } from './projections.config';
import { assertName } from './sql';

export interface ProjectorDeps {
  pool: Pool;
  store: Pick<EventStore, 'readAll' | 'onAppended'>;
  projections: readonly Projection[];
  config: ProjectionsConfig;
  metrics?: ProjectionMetrics;
  /** progress at `info`; failures (a batch retried, a projection stopped) at `warn` */
  log?: ProjectionLog;
}

const isActive = (p: Projection, cp: Checkpoint | undefined): cp is Checkpoint => !!cp && cp.status === 'running' && cp.version === p.version;

/**
 * The live projector: tails the global order from the lowest checkpoint of the running
 * projections and applies each batch to every projection in ONE transaction that also moves the
 * checkpoints (locked FOR UPDATE and re-read inside it). The effect is exactly once even if a
 * batch is read twice, two leaders overlap for a moment, or a rebuild swaps a checkpoint.
 */
export class Projector {
  private readonly reader: PrefetchingReader;
  private stopped = true;
  private loop: Promise<void> | null = null;
  private readonly nap = new WakeableSleep();
  private readonly log: ProjectionLog;
  /** when the last read of the log started (ms, performance.now) */
  private lastReadAt = 0;
  /** an append since the last read started: there is news to look at */
  private appendedSinceRead = false;
  /** the newest position an append signal named: a read that did not reach it looks again soon */
  private readonly signalled = new SignalledPosition();
  private wakeTimer: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;
  /** the wait after a failed batch, 0 when the last one went through; writes do not cut it short */
  private backoff = 0;

  constructor(private readonly deps: ProjectorDeps) {
    for (const p of deps.projections) assertName('projection', p.name);
    this.reader = new PrefetchingReader(deps.store);
    this.log = deps.log ?? (() => undefined);
  }

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopListening = this.deps.store.onAppended?.((lastPosition) => this.onAppended(lastPosition)) ?? null;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopListening?.();
    this.stopListening = null;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wake();
    await this.loop;
    this.loop = null;
  }

  /** look again now (a projection resumed, or new events are known to exist) */
  wake(): void {
    this.nap.wake();
  }

  /** an append (in this process, or heard from another): look once the minimum interval since the last read has passed */
  private onAppended(lastPosition?: number): void {
    this.appendedSinceRead = true;
    this.signalled.note(lastPosition);
    if (this.wakeTimer || this.stopped || this.backoff > 0) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wake();
    }, this.untilNextRead());
    // a nudge, never a reason for the process to stay up
    this.wakeTimer.unref();
  }

  /** never longer than a poll: a minimum interval set above the poll interval does not slow the poll */
  private untilNextRead(): number {
    const { wakeMinIntervalMs, pollIntervalMs } = this.deps.config;
    return Math.max(0, this.lastReadAt + Math.min(wakeMinIntervalMs, pollIntervalMs) - performance.now());
  }

  /**
   * After a short batch: the rest of the minimum interval when appends came meanwhile, or when a
   * signalled event was not readable yet (the gap-safe horizon lags its commit); else a poll.
   */
  private idle(reached: number): Promise<void> {
    const soon = this.appendedSinceRead || this.signalled.ahead(reached);
    return this.sleep(soon ? this.untilNextRead() : this.deps.config.pollIntervalMs);
  }

  private async run(): Promise<void> {
    const { batchSize, pollIntervalMs } = this.deps.config;
    const names = this.deps.projections.map((p) => p.name);
    while (!this.stopped) {
      try {
        const checkpoints = await loadCheckpoints(this.deps.pool, names);
        const active = this.deps.projections.filter((p) => isActive(p, checkpoints.get(p.name)));
        if (active.length === 0) {
          await this.sleep(pollIntervalMs);
          continue;
        }
        const after = Math.min(...active.map((p) => checkpoints.get(p.name)!.position));
        this.lastReadAt = performance.now();
        this.appendedSinceRead = false;
        const events = await this.reader.read(after, batchSize);
        if (events.length === batchSize) this.reader.prefetch(events[events.length - 1].globalPosition, batchSize);
        if (events.length > 0) await this.applyBatch(active, events);
        this.backoff = 0;
        if (events.length < batchSize) await this.idle(events.length > 0 ? events[events.length - 1].globalPosition : after);
      } catch (err) {
        this.reader.clear();
        this.log(`projector batch failed, retrying: ${err instanceof Error ? err.message : String(err)}`, 'warn');
        this.backoff = nextBackoff(this.backoff);
        await this.sleep(this.backoff);
      }
    }
  }

  /**
   * Applies a batch first without savepoints, as nearly every batch succeeds: that saves two round
   * trips per projection, which a small batch (a write just made, woken at once) mostly consists
   * of. If anything fails, that transaction is rolled back and the batch applied again with each
   * projection, and then each event, isolated under savepoints (batch-applier.ts).
   */
  private async applyBatch(active: readonly Projection[], events: readonly RecordedEvent[]): Promise<void> {
    const started = process.hrtime.bigint();
    let processed: Array<[string, number, number]>;
    try {
      processed = await this.applyInTransaction(active, events, false);
    } catch (err) {
      this.log(`batch up to position ${events[events.length - 1].globalPosition} failed (${err instanceof Error ? err.message : String(err)}); applying it again with each projection and event isolated`);
      processed = await this.applyInTransaction(active, events, true);
    }
    for (const [name, moved, applied] of processed) {
      this.deps.metrics?.eventsProcessed.inc({ projection: name }, moved);
      this.deps.metrics?.eventsApplied.inc({ projection: name }, applied);
    }
    this.deps.metrics?.batchSeconds.observe({ mode: 'live' }, Number(process.hrtime.bigint() - started) / 1e9);
  }

  /** One transaction: the batch to every active projection and their checkpoints; returns [name, moved, applied] of each. */
  private async applyInTransaction(active: readonly Projection[], events: readonly RecordedEvent[], isolated: boolean): Promise<Array<[string, number, number]>> {
    const client = await this.deps.pool.connect();
    let broken: Error | undefined;
    const processed: Array<[string, number, number]> = [];
    const warnings: string[] = [];
    try {
      await client.query('BEGIN');
      const checkpoints = await lockCheckpoints(client, active.map((p) => p.name));
      const updates: CheckpointUpdate[] = [];
      for (const p of active) {
        const cp = checkpoints.get(p.name);
        if (!isActive(p, cp)) continue;
        const ctx = liveContext(client, p, this.deps.config.liveSchema);
        const outcome = await applyToProjection(client, p, ctx, events, cp.position, this.deps.config.policy(p.name), isolated);
        if (outcome.position === cp.position && !outcome.stoppedAt) continue;
        updates.push({
          name: p.name,
          position: outcome.position,
          status: outcome.stoppedAt ? 'stopped' : 'running',
          error: outcome.stoppedAt ? `event ${outcome.stoppedAt.event.globalPosition} (${outcome.stoppedAt.event.type}): ${outcome.stoppedAt.error}` : null,
        });
        const moved = events.filter((e) => e.globalPosition > cp.position && e.globalPosition <= outcome.position).length;
        processed.push([p.name, moved, outcome.applied]);
        if (outcome.deadLetters) this.deps.metrics?.deadLettered.inc({ projection: p.name }, outcome.deadLetters);
        if (outcome.stoppedAt) warnings.push(`projection ${p.name} stopped at a poison event: ${outcome.stoppedAt.error}`);
        // under the skip policy the read model goes on without them: say so, not only in a metric
        else if (outcome.deadLetters) warnings.push(`projection ${p.name} skipped ${outcome.deadLetters} poison event(s) up to position ${outcome.position}: see the dead letters`);
      }
      await updateCheckpoints(client, updates);
      await client.query('COMMIT');
      // said once the batch is committed: a rolled-back batch is tried again and says it then
      for (const w of warnings) this.log(w, 'warn');
    } catch (err) {
      // a projection's error leaves the connection usable once rolled back; only a failed rollback breaks it
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
    }
    return processed;
  }

  private sleep(ms: number): Promise<void> {
    return this.stopped ? Promise.resolve() : this.nap.sleep(ms);
  }
}
