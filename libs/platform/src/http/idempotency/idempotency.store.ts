import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../../nest/tokens';

export interface IdempotentRequest {
  actorId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type BeginOutcome =
  | { outcome: 'started' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in_progress' }
  | { outcome: 'mismatch' };

interface Row {
  request_hash: string;
  state: 'in_progress' | 'completed';
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: { value: unknown } | null;
}

/** PostgreSQL record of idempotent requests; the primary key decides which copy acts. */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async begin(r: IdempotentRequest): Promise<BeginOutcome> {
    // A row can vanish between the two statements (its request failed and was abandoned): try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await this.pool.query(
        `INSERT INTO http_idempotency_keys (actor_id, idempotency_key, method, path, request_hash, state)
         VALUES ($1, $2, $3, $4, $5, 'in_progress') ON CONFLICT DO NOTHING`,
        [r.actorId, r.key, r.method, r.path, r.requestHash],
      );
      if (inserted.rowCount === 1) return { outcome: 'started' };
      const { rows } = await this.pool.query<Row>(
        `SELECT request_hash, state, response_status, response_headers, response_body
           FROM http_idempotency_keys WHERE actor_id = $1 AND idempotency_key = $2`,
        [r.actorId, r.key],
      );
      const row = rows[0];
      if (!row) continue;
      if (row.request_hash !== r.requestHash) return { outcome: 'mismatch' };
      if (row.state === 'in_progress') return { outcome: 'in_progress' };
      return {
        outcome: 'replay',
        response: { status: row.response_status ?? 200, headers: row.response_headers ?? {}, body: row.response_body?.value },
      };
    }
    return { outcome: 'in_progress' };
  }

  async complete(actorId: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE http_idempotency_keys
          SET state = 'completed', response_status = $3, response_headers = $4, response_body = $5, completed_at = now()
        WHERE actor_id = $1 AND idempotency_key = $2`,
      // wrapped so that a handler returning a bare string or null round-trips through jsonb unchanged
      [actorId, key, response.status, JSON.stringify(response.headers), JSON.stringify({ value: response.body ?? null })],
    );
  }

  /** The request failed before acting: forget the key so that a retry may act. */
  async abandon(actorId: string, key: string): Promise<void> {
    await this.pool.query(`DELETE FROM http_idempotency_keys WHERE actor_id = $1 AND idempotency_key = $2 AND state = 'in_progress'`, [actorId, key]);
  }

  async purgeOlderThan(hours: number): Promise<number> {
    const res = await this.pool.query(`DELETE FROM http_idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [hours]);
    return res.rowCount ?? 0;
  }
}
