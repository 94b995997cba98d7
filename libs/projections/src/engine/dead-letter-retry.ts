import type { EventStore } from '@jejak/event-store';
import type { Pool } from 'pg';
import type { Projection } from '../projection';
import { lockCheckpoints, updateCheckpoints } from './checkpoint-store';
import { errorText, toDeadLetter, type DeadLetter } from './dead-letter-store';
import { liveContext } from './projection-context';

export type RetryOutcome =
  | { outcome: 'resolved'; deadLetter: DeadLetter; resumed: boolean }
  | { outcome: 'failed'; deadLetter: DeadLetter; error: string }
  | { outcome: 'already_resolved'; deadLetter: DeadLetter }
  | { outcome: 'not_found' };

/**
 * Re-applies a dead-lettered event to the live tables (after a fix was deployed). For a
 * projection the stop policy halted at that event, success moves its checkpoint past it and
 * resumes it. Under the skip policy the projection went on, so the event arrives out of order:
 * projections guard rows by position and may ignore it; a rebuild is then the cure.
 */
export async function retryDeadLetter(
  pool: Pool,
  store: Pick<EventStore, 'readAll'>,
  projections: ReadonlyMap<string, Projection>,
  liveSchema: string,
  id: number,
): Promise<RetryOutcome> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(`SELECT * FROM projection_dead_letters WHERE id = $1 FOR UPDATE`, [id]);
    if (rows.length === 0) {
      await client.query('ROLLBACK');
      return { outcome: 'not_found' };
    }
    const letter = toDeadLetter(rows[0]);
    const projection = projections.get(letter.projection);
    if (letter.resolvedAt || !projection) {
      await client.query('ROLLBACK');
      if (!projection) throw new Error(`projection ${letter.projection} is not part of this process`);
      return { outcome: 'already_resolved', deadLetter: letter };
    }
    const cp = (await lockCheckpoints(client, [projection.name])).get(projection.name);
    const [event] = await store.readAll({ after: letter.globalPosition - 1, limit: 1 });
    if (!event || event.id !== letter.eventId) throw new Error(`event ${letter.eventId} not found at position ${letter.globalPosition}`);
    await client.query('SAVEPOINT jejak_retry');
    try {
      await projection.applyBatch(liveContext(client, projection, liveSchema), [event]);
      await client.query('RELEASE SAVEPOINT jejak_retry');
    } catch (err) {
      await client.query('ROLLBACK TO SAVEPOINT jejak_retry');
      const { message, stack } = errorText(err);
      const failed = await client.query(
        `UPDATE projection_dead_letters SET attempts = attempts + 1, error = $2, stack = $3, last_attempt_at = now() WHERE id = $1 RETURNING *`,
        [id, message, stack],
      );
      await client.query('COMMIT');
      return { outcome: 'failed', deadLetter: toDeadLetter(failed.rows[0]), error: message };
    }
    const resumed = !!cp && cp.status === 'stopped' && cp.position < event.globalPosition;
    if (resumed) await updateCheckpoints(client, [{ name: projection.name, position: event.globalPosition, status: 'running', error: null }]);
    const done = await client.query(
      `UPDATE projection_dead_letters SET attempts = attempts + 1, resolved_at = now(), last_attempt_at = now() WHERE id = $1 RETURNING *`,
      [id],
    );
    await client.query('COMMIT');
    return { outcome: 'resolved', deadLetter: toDeadLetter(done.rows[0]), resumed };
  } catch (err) {
    broken = err as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release(broken);
  }
}
