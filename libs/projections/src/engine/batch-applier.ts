import type { RecordedEvent } from '@jejak/event-store';
import type { PoolClient } from 'pg';
import type { Projection, ProjectionContext } from '../projection';
import { errorText, recordDeadLetter } from './dead-letter-store';
import type { PoisonPolicy } from './projections.config';

export interface ApplyOutcome {
  /** the projection's checkpoint after this batch */
  position: number;
  applied: number;
  deadLetters: number;
  /** set when the stop policy halted the projection at a poison event */
  stoppedAt?: { event: RecordedEvent; error: string };
}

/**
 * Applies one batch to one projection inside the caller's transaction. Only events after the
 * projection's checkpoint count, which is what makes a redelivered batch harmless. `isolated`: if
 * the batch fails, it is replayed event by event under savepoints to find the poison event: that
 * event is dead-lettered, and the policy decides whether the projection halts just before it or
 * goes on. Not isolated, a failure aborts the caller's transaction, which then tries again isolated.
 */
export async function applyToProjection(
  client: PoolClient,
  projection: Projection,
  ctx: ProjectionContext,
  events: readonly RecordedEvent[],
  after: number,
  policy: PoisonPolicy,
  isolated = true,
): Promise<ApplyOutcome> {
  const batchEnd = events.length ? events[events.length - 1].globalPosition : after;
  const position = Math.max(after, batchEnd);
  const relevant = events.filter((e) => e.globalPosition > after && projection.handles.has(e.type));
  if (relevant.length === 0) return { position, applied: 0, deadLetters: 0 };
  if (!isolated) {
    await projection.applyBatch(ctx, relevant);
    return { position, applied: relevant.length, deadLetters: 0 };
  }
  await client.query('SAVEPOINT jejak_batch');
  try {
    await projection.applyBatch(ctx, relevant);
    await client.query('RELEASE SAVEPOINT jejak_batch');
    return { position, applied: relevant.length, deadLetters: 0 };
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT jejak_batch');
  }
  return isolatePoison(client, projection, ctx, relevant, position, policy);
}

async function isolatePoison(
  client: PoolClient,
  projection: Projection,
  ctx: ProjectionContext,
  relevant: RecordedEvent[],
  position: number,
  policy: PoisonPolicy,
): Promise<ApplyOutcome> {
  let applied = 0;
  let deadLetters = 0;
  for (const event of relevant) {
    await client.query('SAVEPOINT jejak_event');
    try {
      await projection.applyBatch(ctx, [event]);
      await client.query('RELEASE SAVEPOINT jejak_event');
      applied++;
    } catch (err) {
      await client.query('ROLLBACK TO SAVEPOINT jejak_event');
      await recordDeadLetter(client, projection.name, event, err, policy);
      deadLetters++;
      // Positions are not dense, but nothing lies between the poison event and the position just before it.
      if (policy === 'stop') return { position: event.globalPosition - 1, applied, deadLetters, stoppedAt: { event, error: errorText(err).message } };
    }
  }
  return { position, applied, deadLetters };
}
