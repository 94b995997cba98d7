import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection engine's own bookkeeping. The projections' tables are not here: the engine
 * creates them from each projection's TableSpec, so a rebuild can make fresh copies
 * (docs/adr/0005-projection-tables-and-rebuild.md).
 */
export class CreateProjectionEngine1732800000000 implements MigrationInterface {
  name = 'CreateProjectionEngine1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        version integer NOT NULL,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'stopped', 'rebuilding')),
        error text,
        -- when the position last moved: with the event lag it tells a stalled projection from an idle one
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE projection_dead_letters (
        id bigserial PRIMARY KEY,
        projection text NOT NULL,
        global_position bigint NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        stream_id text NOT NULL,
        policy text NOT NULL CHECK (policy IN ('stop', 'skip')),
        error text NOT NULL,
        stack text,
        attempts integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT projection_dead_letters_event_key UNIQUE (projection, global_position)
      )`);
    await q.query(`CREATE INDEX projection_dead_letters_open ON projection_dead_letters (projection) WHERE resolved_at IS NULL`);
    await q.query(`
      CREATE TABLE projection_rebuilds (
        id bigserial PRIMARY KEY,
        projection text NOT NULL,
        schema_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'swapped', 'failed')),
        position bigint NOT NULL DEFAULT 0,
        events_applied bigint NOT NULL DEFAULT 0,
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS projection_rebuilds`);
    await q.query(`DROP TABLE IF EXISTS projection_dead_letters`);
    await q.query(`DROP TABLE IF EXISTS projection_checkpoints`);
  }
}
