import type { RecordedEvent } from '@jejak/event-store';
import type { PoolClient } from 'pg';
import type { PoisonPolicy } from './projections.config';

export interface DeadLetter {
  id: number;
  projection: string;
  globalPosition: number;
  eventId: string;
  eventType: string;
  streamId: string;
  policy: PoisonPolicy;
  error: string;
  stack: string | null;
  attempts: number;
  createdAt: Date;
  lastAttemptAt: Date;
  resolvedAt: Date | null;
}

export function errorText(err: unknown): { message: string; stack: string | null } {
  if (err instanceof Error) return { message: err.message || err.name, stack: err.stack ?? null };
  return { message: String(err), stack: null };
}

/** One row per (projection, event): failing again counts an attempt and reopens it. */
export async function recordDeadLetter(client: PoolClient, projection: string, event: RecordedEvent, err: unknown, policy: PoisonPolicy): Promise<void> {
  const { message, stack } = errorText(err);
  await client.query(
    `INSERT INTO projection_dead_letters AS d (projection, global_position, event_id, event_type, stream_id, policy, error, stack)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (projection, global_position) DO UPDATE SET attempts = d.attempts + 1, policy = EXCLUDED.policy,
       error = EXCLUDED.error, stack = EXCLUDED.stack, last_attempt_at = now(), resolved_at = NULL`,
    [projection, event.globalPosition, event.id, event.type, event.streamId, policy, message, stack],
  );
}

interface DeadLetterRow {
  id: string;
  projection: string;
  global_position: string;
  event_id: string;
  event_type: string;
  stream_id: string;
  policy: PoisonPolicy;
  error: string;
  stack: string | null;
  attempts: number;
  created_at: Date;
  last_attempt_at: Date;
  resolved_at: Date | null;
}

export function toDeadLetter(r: DeadLetterRow): DeadLetter {
  return {
    id: Number(r.id),
    projection: r.projection,
    globalPosition: Number(r.global_position),
    eventId: r.event_id,
    eventType: r.event_type,
    streamId: r.stream_id,
    policy: r.policy,
    error: r.error,
    stack: r.stack,
    attempts: r.attempts,
    createdAt: r.created_at,
    lastAttemptAt: r.last_attempt_at,
    resolvedAt: r.resolved_at,
  };
}

export async function listDeadLetters(
  client: Pick<PoolClient, 'query'>,
  filter: { projection?: string; includeResolved?: boolean; limit?: number } = {},
): Promise<DeadLetter[]> {
  const { rows } = await client.query<DeadLetterRow>(
    `SELECT * FROM projection_dead_letters
     WHERE ($1::text IS NULL OR projection = $1) AND ($2 OR resolved_at IS NULL)
     ORDER BY id LIMIT $3`,
    [filter.projection ?? null, filter.includeResolved ?? false, filter.limit ?? 500],
  );
  return rows.map(toDeadLetter);
}
