import type { PoolClient } from 'pg';
import { prepared } from './prepared';

export type ProjectionStatusName = 'running' | 'stopped' | 'rebuilding';

export interface Checkpoint {
  name: string;
  position: number;
  version: number;
  status: ProjectionStatusName;
  error: string | null;
  updatedAt: Date;
}

type Queryable = Pick<PoolClient, 'query'>;

interface CheckpointRow {
  name: string;
  position: string;
  version: number;
  status: ProjectionStatusName;
  error: string | null;
  updated_at: Date;
}

/** named, never `*`: the statements are prepared, and a prepared statement may not change its result type */
const COLUMNS = 'name, position, version, status, error, updated_at';

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  name: r.name,
  position: Number(r.position),
  version: r.version,
  status: r.status,
  error: r.error,
  updatedAt: r.updated_at,
});

export async function loadCheckpoints(db: Queryable, names: readonly string[]): Promise<Map<string, Checkpoint>> {
  const { rows } = await db.query<CheckpointRow>(prepared(`SELECT ${COLUMNS} FROM projection_checkpoints WHERE name = ANY($1)`, [names]));
  return new Map(rows.map((r) => [r.name, toCheckpoint(r)]));
}

/** Row locks in name order, so the projector and a rebuild swap never deadlock. */
export async function lockCheckpoints(client: PoolClient, names: readonly string[]): Promise<Map<string, Checkpoint>> {
  const { rows } = await client.query<CheckpointRow>(prepared(`SELECT ${COLUMNS} FROM projection_checkpoints WHERE name = ANY($1) ORDER BY name FOR UPDATE`, [names]));
  return new Map(rows.map((r) => [r.name, toCheckpoint(r)]));
}

export interface CheckpointUpdate {
  name: string;
  position: number;
  status: ProjectionStatusName;
  error: string | null;
}

/** updated_at moves only with the position: it is the "last progress" the stall check reads. */
export async function updateCheckpoints(client: PoolClient, updates: readonly CheckpointUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await client.query(
    prepared(
      `UPDATE projection_checkpoints c
       SET position = u.position, status = u.status, error = u.error,
           updated_at = CASE WHEN c.position <> u.position OR c.status <> u.status THEN now() ELSE c.updated_at END
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) AS u(name, position, status, error)
       WHERE c.name = u.name`,
      [updates.map((u) => u.name), updates.map((u) => u.position), updates.map((u) => u.status), updates.map((u) => u.error)],
    ),
  );
}
