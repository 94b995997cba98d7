import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per relay: the global position up to which the broker has acknowledged every event. */
export class CreateRelayCheckpoints1733000000000 implements MigrationInterface {
  name = 'CreateRelayCheckpoints1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE relay_checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE relay_checkpoints');
  }
}
