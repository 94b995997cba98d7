import type { RecordedEvent } from '@jejak/event-store';
import type { PoolClient } from 'pg';
import type { Projection, ProjectionContext } from '../projection';
import { applyToProjection } from './batch-applier';
import type { ProjectionsConfig } from './projections.config';
import { RebuildPoisonError } from './rebuild-errors';

/** One projection being rebuilt: its fresh schema and a context pointing its tables there. */
export interface Target {
  projection: Projection;
  schema: string;
  rebuildId: number;
  /** the context on `client`: the replay applies on a connection of its own, the swap on the swap's */
  context(client: PoolClient): ProjectionContext;
}

/** applies one batch to every target; a poison event under the stop policy fails the rebuild */
export async function applyRebuildBatch(
  client: PoolClient,
  targets: readonly Target[],
  events: readonly RecordedEvent[],
  after: number,
  config: ProjectionsConfig,
  stats: { applied: number; deadLetters: number },
): Promise<void> {
  for (const t of targets) {
    const outcome = await applyToProjection(client, t.projection, t.context(client), events, after, config.policy(t.projection.name));
    if (outcome.stoppedAt) throw new RebuildPoisonError(t.projection.name, outcome.stoppedAt.event.globalPosition, outcome.stoppedAt.error);
    stats.applied += outcome.applied;
    stats.deadLetters += outcome.deadLetters;
  }
}
