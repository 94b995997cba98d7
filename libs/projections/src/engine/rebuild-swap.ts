import type { EventStore } from '@jejak/event-store';
import type { PoolClient } from 'pg';
import { lockCheckpoints } from './checkpoint-store';
import type { ProjectionsConfig } from './projections.config';
import { applyRebuildBatch, type Target } from './rebuild-target';
import { qualified, quoteIdent } from './sql';

/**
 * The atomic swap, in one transaction:
 * 1. lock the projections' checkpoint rows: the live projector cannot move them meanwhile;
 * 2. apply the last events written since the replay caught up (a few batches at most);
 * 3. take ACCESS EXCLUSIVE locks on the live tables (queries wait a few milliseconds), move them
 *    out to a retired schema, move the rebuilt tables in under the same names;
 * 4. set each checkpoint to the rebuilt position and version, and drop the old tables.
 * Queries that were waiting on a lock resolve the table name again and read the new table.
 * Returns the position the rebuilt tables are at.
 */
export async function swapIn(
  client: PoolClient,
  store: Pick<EventStore, 'readAll'>,
  targets: readonly Target[],
  from: number,
  config: ProjectionsConfig,
  stats: { applied: number; deadLetters: number },
): Promise<number> {
  const schema = config.liveSchema;
  const names = targets.map((t) => t.projection.name);
  await client.query('BEGIN');
  await client.query('SET LOCAL synchronous_commit TO on');
  const checkpoints = await lockCheckpoints(client, names);
  let position = from;
  for (;;) {
    const events = await store.readAll({ after: position, limit: config.rebuildBatchSize });
    if (events.length === 0) break;
    await applyRebuildBatch(client, targets, events, position, config, stats);
    position = events[events.length - 1].globalPosition;
  }
  const behind = [...checkpoints.values()].find((cp) => cp.position > position);
  if (behind) throw new Error(`rebuild reached ${position} but ${behind.name} is live at ${behind.position}: the log was not fully readable`);
  const retired = `retired_${Date.now().toString(36)}`;
  await client.query(`CREATE SCHEMA ${quoteIdent(retired)}`);
  for (const t of targets) {
    for (const spec of t.projection.tables) {
      const live = qualified(schema, spec.name);
      const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [live]);
      if (rows[0].present) {
        await client.query(`LOCK TABLE ${live} IN ACCESS EXCLUSIVE MODE`);
        await client.query(`ALTER TABLE ${live} SET SCHEMA ${quoteIdent(retired)}`);
      }
      await client.query(`ALTER TABLE ${qualified(t.schema, spec.name)} SET SCHEMA ${quoteIdent(schema)}`);
    }
    await client.query(
      `INSERT INTO projection_checkpoints (name, position, version, status, error, updated_at)
       VALUES ($1, $2, $3, 'running', NULL, now())
       ON CONFLICT (name) DO UPDATE SET position = $2, version = $3, status = 'running', error = NULL, updated_at = now()`,
      [t.projection.name, position, t.projection.version],
    );
    // Dead letters the replay met again were re-recorded; the others applied cleanly this time.
    await client.query(
      `UPDATE projection_dead_letters d SET resolved_at = now()
       FROM projection_rebuilds r WHERE r.id = $1 AND d.projection = r.projection
         AND d.resolved_at IS NULL AND d.last_attempt_at < r.started_at`,
      [t.rebuildId],
    );
    await client.query(`UPDATE projection_rebuilds SET status = 'swapped', position = $2, finished_at = now() WHERE id = $1`, [t.rebuildId, position]);
    await client.query(`DROP SCHEMA ${quoteIdent(t.schema)} CASCADE`);
  }
  await client.query(`DROP SCHEMA ${quoteIdent(retired)} CASCADE`);
  await client.query('COMMIT');
  return position;
}
