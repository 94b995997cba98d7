import { ConfigError } from '@jejak/platform';

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
  /**
   * After an append in this process the projector looks at once instead of at its next poll, but
   * starts batches at most this often (ms): a quick read-your-write at low rates, batches that
   * still gather many events under load.
   */
  wakeMinIntervalMs: number;
  /** a projection with events waiting longer than this and no progress for as long is unhealthy */
  stallSeconds: number;
  leaderRetryMs: number;
  /** rebuild automatically when a projection's code version differs from its checkpoint's */
  autoRebuild: boolean;
  policy(projection: string): PoisonPolicy;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (Number.isInteger(n) && n > 0) return n;
  problems.push(`${name} must be a positive integer, got "${raw}"`);
  return fallback;
}

function parsePolicy(name: string, raw: string | undefined, fallback: PoisonPolicy, problems: string[]): PoisonPolicy {
  const v = raw?.trim().toLowerCase();
  if (!v) return fallback;
  if (v === 'stop' || v === 'skip') return v;
  problems.push(`${name} must be "stop" or "skip", got "${raw}"`);
  return fallback;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const v = env[name]?.trim().toLowerCase();
  if (!v) return fallback;
  if (v === 'true' || v === 'false') return v === 'true';
  problems.push(`${name} must be "true" or "false", got "${env[name]}"`);
  return fallback;
}

/**
 * Reads JEJAK_PROJECTION_* variables. The poison policy defaults to stop (a read model that is
 * visibly halted beats one that is silently wrong); JEJAK_PROJECTION_POLICY_<name> overrides it.
 * Every bad value is reported at once as a ConfigError, which start-up prints without a stack.
 */
export function loadProjectionsConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ProjectionsConfig> = {}): ProjectionsConfig {
  const problems: string[] = [];
  const defaultPolicy = parsePolicy('JEJAK_PROJECTION_POLICY', env.JEJAK_PROJECTION_POLICY, 'stop', problems);
  const perName = new Map<string, PoisonPolicy>();
  for (const [key, value] of Object.entries(env)) {
    const m = /^JEJAK_PROJECTION_POLICY_(.+)$/i.exec(key);
    if (m) perName.set(m[1].toLowerCase(), parsePolicy(key, value, defaultPolicy, problems));
  }
  const config: ProjectionsConfig = {
    liveSchema: 'public',
    batchSize: positiveInt(env, 'JEJAK_PROJECTION_BATCH_SIZE', 2000, problems),
    rebuildBatchSize: positiveInt(env, 'JEJAK_PROJECTION_REBUILD_BATCH_SIZE', 5000, problems),
    rebuildConnections: positiveInt(env, 'JEJAK_PROJECTION_REBUILD_CONNECTIONS', 5, problems),
    pollIntervalMs: positiveInt(env, 'JEJAK_PROJECTION_POLL_MS', 100, problems),
    wakeMinIntervalMs: positiveInt(env, 'JEJAK_PROJECTION_WAKE_MIN_MS', 50, problems),
    stallSeconds: positiveInt(env, 'JEJAK_PROJECTION_STALL_SECONDS', 30, problems),
    leaderRetryMs: positiveInt(env, 'JEJAK_PROJECTION_LEADER_RETRY_MS', 1000, problems),
    autoRebuild: flag(env, 'JEJAK_PROJECTION_AUTO_REBUILD', true, problems),
    policy: (name) => perName.get(name.toLowerCase()) ?? defaultPolicy,
    ...overrides,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
