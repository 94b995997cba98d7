/** What to do when a projection cannot apply an event (after isolating it from its batch). */
export type PoisonPolicy = 'stop' | 'skip';

export interface ProjectionsConfig {
  /** live schema holding the projections' tables (the queries' TypeORM entities read it) */
  liveSchema: string;
  batchSize: number;
  rebuildBatchSize: number;
  /** connections a rebuild applies on, one projection (or a few) each, so PostgreSQL writes in parallel with the folds */
  rebuildConnections: number;
  pollIntervalMs: number;
  /** a projection with events waiting longer than this and no progress for as long is unhealthy */
  stallSeconds: number;
  leaderRetryMs: number;
  /** rebuild automatically when a projection's code version differs from its checkpoint's */
  autoRebuild: boolean;
  policy(projection: string): PoisonPolicy;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function parsePolicy(name: string, raw: string | undefined, fallback: PoisonPolicy): PoisonPolicy {
  const v = raw?.trim().toLowerCase();
  if (!v) return fallback;
  if (v === 'stop' || v === 'skip') return v;
  throw new Error(`${name} must be "stop" or "skip", got "${raw}"`);
}

/**
 * Reads JEJAK_PROJECTION_* variables. The poison policy defaults to stop (a read model that is
 * visibly halted beats one that is silently wrong); JEJAK_PROJECTION_POLICY_<name> overrides it.
 */
export function loadProjectionsConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ProjectionsConfig> = {}): ProjectionsConfig {
  const defaultPolicy = parsePolicy('JEJAK_PROJECTION_POLICY', env.JEJAK_PROJECTION_POLICY, 'stop');
  const perName = new Map<string, PoisonPolicy>();
  for (const [key, value] of Object.entries(env)) {
    const m = /^JEJAK_PROJECTION_POLICY_(.+)$/i.exec(key);
    if (m) perName.set(m[1].toLowerCase(), parsePolicy(key, value, defaultPolicy));
  }
  return {
    liveSchema: 'public',
    batchSize: positiveInt(env, 'JEJAK_PROJECTION_BATCH_SIZE', 2000),
    rebuildBatchSize: positiveInt(env, 'JEJAK_PROJECTION_REBUILD_BATCH_SIZE', 5000),
    rebuildConnections: positiveInt(env, 'JEJAK_PROJECTION_REBUILD_CONNECTIONS', 5),
    pollIntervalMs: positiveInt(env, 'JEJAK_PROJECTION_POLL_MS', 100),
    stallSeconds: positiveInt(env, 'JEJAK_PROJECTION_STALL_SECONDS', 30),
    leaderRetryMs: positiveInt(env, 'JEJAK_PROJECTION_LEADER_RETRY_MS', 1000),
    autoRebuild: (env.JEJAK_PROJECTION_AUTO_REBUILD ?? 'true').trim().toLowerCase() !== 'false',
    policy: (name) => perName.get(name.toLowerCase()) ?? defaultPolicy,
    ...overrides,
  };
}
