import { Inject, Injectable } from '@nestjs/common';
import { HttpProblem, PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';

/** How long a query with `?minPosition=` waits for its read model before answering 503. */
export const MIN_POSITION_WAIT_MS = 5_000;
export const READ_POSITION_HEADER = 'X-Read-Model-Position';

/**
 * 503 rather than a stale answer: a client that sends minPosition just wrote something and is
 * about to act on what it reads, so "not yet" with Retry-After is safer than old data.
 */
export class ReadModelBehindError extends HttpProblem {
  override readonly name = 'ReadModelBehindError';
  constructor(minPosition: number, position: number) {
    super(503, 'READ_MODEL.BEHIND', `the read model is at position ${position}, not yet at ${minPosition}; retry shortly`, {
      params: { minPosition, position },
      headers: { 'Retry-After': '1', [READ_POSITION_HEADER]: String(position) },
      extensions: { minPosition, position },
    });
  }
}

/**
 * Read-your-writes on top of eventually consistent read models: polls the projections'
 * checkpoints (one indexed lookup every few ms, cheaper than a LISTEN connection per waiting
 * request) until all the projections a query reads have passed the position.
 */
@Injectable()
export class ReadModelFreshness {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async position(projections: readonly string[]): Promise<number> {
    const { rows } = await this.pool.query<{ p: string | null; n: string }>(
      `SELECT min(position) AS p, count(*) AS n FROM projection_checkpoints WHERE name = ANY($1)`,
      [projections],
    );
    return Number(rows[0].n) < projections.length ? 0 : Number(rows[0].p ?? 0);
  }

  /** The projections' common position once it is at least `minPosition` (no wait without one). */
  async awaitPosition(projections: readonly string[], minPosition: number | undefined, timeoutMs = MIN_POSITION_WAIT_MS): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let pause = 5;
    for (;;) {
      const position = await this.position(projections);
      if (minPosition === undefined || position >= minPosition) return position;
      if (Date.now() >= deadline) throw new ReadModelBehindError(minPosition, position);
      await new Promise((r) => setTimeout(r, Math.min(pause, Math.max(1, deadline - Date.now()))));
      pause = Math.min(pause * 2, 100);
    }
  }
}
