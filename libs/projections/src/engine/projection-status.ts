import type { Pool } from 'pg';
import type { ProjectionStatusName } from './checkpoint-store';

export interface ProjectionStatus {
  name: string;
  status: ProjectionStatusName;
  /** version of the tables (checkpoint) and of the running code: different => rebuild pending */
  version: number;
  codeVersion: number;
  position: number;
  /** events written after the checkpoint (counted up to 1,000,000) */
  lagEvents: number;
  /** age of the oldest event not yet applied; 0 when caught up */
  lagSeconds: number;
  /** seconds since the checkpoint last moved */
  idleSeconds: number;
  error: string | null;
  openDeadLetters: number;
  rebuild: { status: string; position: number; eventsApplied: number; startedAt: Date; finishedAt: Date | null; error: string | null } | null;
}

interface StatusRow {
  name: string;
  status: ProjectionStatusName;
  version: number;
  position: string;
  error: string | null;
  lag_events: string;
  lag_seconds: number | null;
  idle_seconds: number;
  dead_letters: string;
  rebuild: { status: string; position: number; events_applied: number; started_at: string; finished_at: string | null; error: string | null } | null;
}

/** One query for every projection: what the admin API, /health and the lag gauges all read. */
export async function readStatuses(pool: Pick<Pool, 'query'>, codeVersions: ReadonlyMap<string, number>): Promise<ProjectionStatus[]> {
  const { rows } = await pool.query<StatusRow>(
    `SELECT c.name, c.status, c.version, c.position, c.error,
       (SELECT count(*) FROM (SELECT 1 FROM events e WHERE e.global_position > c.position LIMIT 1000000) x) AS lag_events,
       (SELECT extract(epoch FROM now() - e.recorded_at)::float8 FROM events e
          WHERE e.global_position > c.position ORDER BY e.global_position LIMIT 1) AS lag_seconds,
       extract(epoch FROM now() - c.updated_at)::float8 AS idle_seconds,
       (SELECT count(*) FROM projection_dead_letters d WHERE d.projection = c.name AND d.resolved_at IS NULL) AS dead_letters,
       (SELECT to_jsonb(r) FROM projection_rebuilds r WHERE r.projection = c.name ORDER BY r.id DESC LIMIT 1) AS rebuild
     FROM projection_checkpoints c WHERE c.name = ANY($1) ORDER BY c.name`,
    [[...codeVersions.keys()]],
  );
  return rows.map((r) => ({
    name: r.name,
    status: r.status,
    version: r.version,
    codeVersion: codeVersions.get(r.name) ?? r.version,
    position: Number(r.position),
    lagEvents: Number(r.lag_events),
    lagSeconds: Math.max(0, r.lag_seconds ?? 0),
    idleSeconds: Math.max(0, r.idle_seconds),
    error: r.error,
    openDeadLetters: Number(r.dead_letters),
    rebuild: r.rebuild && {
      status: r.rebuild.status,
      position: Number(r.rebuild.position),
      eventsApplied: Number(r.rebuild.events_applied),
      startedAt: new Date(r.rebuild.started_at),
      finishedAt: r.rebuild.finished_at ? new Date(r.rebuild.finished_at) : null,
      error: r.rebuild.error,
    },
  }));
}

export type Health = { status: 'up' | 'down'; details: Record<string, unknown> };

/** Down when a projection is stopped, or stalled: events waiting longer than `stallSeconds` and no progress for as long. */
export function projectionsHealth(statuses: readonly ProjectionStatus[], stallSeconds: number): Health {
  const details: Record<string, unknown> = {};
  let down = false;
  for (const s of statuses) {
    const stalled = s.status === 'running' && s.lagEvents > 0 && s.lagSeconds > stallSeconds && s.idleSeconds > stallSeconds;
    // A paused projection waiting for its rebuild is fine while the rebuild runs, not once it failed.
    const rebuildFailed = s.status === 'rebuilding' && s.rebuild?.status !== 'running';
    const state = stalled ? 'stalled' : rebuildFailed ? 'rebuild_failed' : s.status;
    if (state === 'stopped' || state === 'stalled' || state === 'rebuild_failed') down = true;
    details[s.name] = { state, position: s.position, lagEvents: s.lagEvents, lagSeconds: Math.round(s.lagSeconds), openDeadLetters: s.openDeadLetters, ...(s.error ? { error: s.error } : {}) };
  }
  return { status: down ? 'down' : 'up', details };
}
