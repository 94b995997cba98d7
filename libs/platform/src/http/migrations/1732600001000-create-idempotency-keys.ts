import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first response to each (actor, Idempotency-Key), so a retried POST gets it back instead of
 * acting again. `in_progress` rows are the lock that stops two concurrent copies from both acting.
 */
export class CreateIdempotencyKeys1732600001000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1732600001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE http_idempotency_keys (
        actor_id text NOT NULL,
        idempotency_key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_progress', 'completed')),
        response_status integer,
        response_headers jsonb,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT http_idempotency_keys_pkey PRIMARY KEY (actor_id, idempotency_key)
      )`);
    await q.query('CREATE INDEX http_idempotency_keys_created_at_idx ON http_idempotency_keys (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE http_idempotency_keys');
  }
}
