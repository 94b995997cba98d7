import type { Projection, ProjectionLog } from '../projection';
import { loadCheckpoints } from './checkpoint-store';
import { listDeadLetters, type DeadLetter } from './dead-letter-store';
import { retryDeadLetter, type RetryOutcome } from './dead-letter-retry';
import { LeaderElection } from './leader-election';
import { ensureLiveTables } from './projection-tables';
import type { ProjectionMetrics } from './projection-metrics';
import { projectionsHealth, readStatuses, type Health, type ProjectionStatus } from './projection-status';
import { Projector, type ProjectorDeps } from './projector';
import { UnknownProjectionError } from './rebuild-errors';
import { Rebuilder, type RebuildProgress, type RebuildResult } from './rebuilder';
import { assertName } from './sql';

/** the engine hands the same deps to its projector and rebuilder */
export type ProjectionEngineDeps = ProjectorDeps;

/**
 * Everything the projections need in one process: their live tables, the leader-elected live
 * projector, rebuilds, dead letters and status. Framework-free; ProjectionsModule wraps it for Nest
 * and the CLI and the process-kill tests use it directly.
 */
export class ProjectionEngine {
  readonly projector: Projector;
  private readonly rebuilder: Rebuilder;
  private readonly byName: Map<string, Projection>;
  private readonly versions: Map<string, number>;
  private leadership: LeaderElection | null = null;
  private readonly log: ProjectionLog;

  constructor(private readonly deps: ProjectionEngineDeps) {
    this.byName = new Map(deps.projections.map((p) => [p.name, p]));
    if (this.byName.size !== deps.projections.length) throw new Error('projection names must be unique');
    for (const p of deps.projections) for (const t of p.tables) assertName('table', t.name);
    this.versions = new Map(deps.projections.map((p) => [p.name, p.version]));
    this.log = deps.log ?? (() => undefined);
    this.projector = new Projector(deps);
    this.rebuilder = new Rebuilder(deps);
  }

  get projections(): readonly Projection[] {
    return this.deps.projections;
  }

  get isLeader(): boolean {
    return this.leadership?.isLeader ?? false;
  }

  /** creates missing live tables and checkpoints; call once at start, before queries are served */
  async setup(): Promise<void> {
    const { reset, added } = await ensureLiveTables(this.deps.pool, this.deps.projections, this.deps.config.liveSchema);
    if (reset.length) this.log(`projection tables created, projecting from the start: ${reset.join(', ')}`);
    if (added.length) this.log(`columns of new projection versions added, empty until their rebuild is swapped in: ${added.join(', ')}`);
  }

  /** campaigns for leadership; the leader runs the live projector and any pending version rebuild */
  startLeadership(): void {
    this.leadership ??= new LeaderElection(this.deps.pool, {
      retryMs: this.deps.config.leaderRetryMs,
      log: this.log,
      onElected: async () => {
        this.projector.start();
        await this.rebuildOutdated();
      },
      onDemoted: () => this.projector.stop(),
    });
    this.leadership.start();
  }

  /** test hook: lose the leader connection as a network cut would */
  abandonLeadership(): void {
    this.leadership?.abandonConnection();
  }

  async stop(): Promise<void> {
    await this.leadership?.stop();
    await this.projector.stop();
  }

  statuses(): Promise<ProjectionStatus[]> {
    return readStatuses(this.deps.pool, this.versions);
  }

  async health(): Promise<Health> {
    return projectionsHealth(await this.statuses(), this.deps.config.stallSeconds);
  }

  resolve(name: string): Projection[] {
    if (name === 'all') return [...this.deps.projections];
    const p = this.byName.get(name);
    if (!p) throw new UnknownProjectionError(name);
    return [p];
  }

  /** rebuilds in one pass over the log and swaps; `name` may be 'all' */
  rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<RebuildResult> {
    return this.rebuilder.rebuild(this.resolve(name), onProgress);
  }

  /** resolves once the rebuild holds its locks (rejects if it cannot start); `done` settles at the swap */
  startRebuild(name: string): Promise<{ done: Promise<RebuildResult> }> {
    const projections = this.resolve(name);
    return new Promise((resolve, reject) => {
      let started = false;
      const done = this.rebuilder.rebuild(projections, () => {
        if (started) return;
        started = true;
        resolve({ done });
      });
      done.catch((err: Error) => (started ? this.log(`rebuild of ${name} failed: ${err.message}`, 'warn') : reject(err)));
    });
  }

  deadLetters(filter: { projection?: string; includeResolved?: boolean } = {}): Promise<DeadLetter[]> {
    return listDeadLetters(this.deps.pool, filter);
  }

  async retryDeadLetter(id: number): Promise<RetryOutcome> {
    const outcome = await retryDeadLetter(this.deps.pool, this.deps.store, this.byName, this.deps.config.liveSchema, id);
    if (outcome.outcome === 'resolved' && outcome.resumed) this.projector.wake();
    return outcome;
  }

  /** waits (bounded) until every running projection, or those named, has applied `position`; false on timeout */
  async waitForPosition(position: number, timeoutMs: number, names: readonly string[] = [...this.byName.keys()]): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const cps = await loadCheckpoints(this.deps.pool, names);
      if (names.every((n) => (cps.get(n)?.position ?? 0) >= position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, Math.min(25, Math.max(1, deadline - Date.now()))));
    }
  }

  /** lag, dead letters and state as gauges computed at scrape time (any process can report them) */
  registerGauges(metrics: ProjectionMetrics): void {
    let cached: { at: number; value: Promise<ProjectionStatus[]> } | null = null;
    const statuses = () => {
      if (!cached || Date.now() - cached.at > 1000) cached = { at: Date.now(), value: this.statuses() };
      return cached.value;
    };
    const gauge = (name: string, help: string, pick: (s: ProjectionStatus) => number) =>
      metrics.gauge(name, help, async () => (await statuses()).map((s) => ({ projection: s.name, value: pick(s) })));
    gauge('jejak_projection_lag_events', 'Events written but not yet applied by the projection', (s) => s.lagEvents);
    gauge('jejak_projection_lag_seconds', 'Age of the oldest event the projection has not applied yet', (s) => s.lagSeconds);
    gauge('jejak_projection_dead_letters', 'Unresolved dead letters', (s) => s.openDeadLetters);
    gauge('jejak_projection_position', 'Checkpoint (global position) of the projection', (s) => s.position);
    gauge('jejak_projection_up', '1 when the projection is running, 0 when stopped or waiting for a rebuild', (s) => (s.status === 'running' ? 1 : 0));
  }

  private async rebuildOutdated(): Promise<void> {
    if (!this.deps.config.autoRebuild) return;
    const cps = await loadCheckpoints(this.deps.pool, [...this.byName.keys()]);
    const outdated = this.deps.projections.filter((p) => {
      const cp = cps.get(p.name);
      return cp && cp.version !== p.version;
    });
    if (outdated.length === 0) return;
    await this.deps.pool.query(`UPDATE projection_checkpoints SET status = 'rebuilding', updated_at = now() WHERE name = ANY($1)`, [outdated.map((p) => p.name)]);
    this.log(`projection code or settings changed, rebuilding: ${outdated.map((p) => p.name).join(', ')}`);
    void this.rebuilder.rebuild(outdated).catch((err: Error) => this.log(`rebuild failed: ${err.message}`, 'warn'));
  }
}
