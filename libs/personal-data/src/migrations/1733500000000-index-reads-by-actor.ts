import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The processing trail read the other way round: whose data one account was shown in a time window
 * (a personal-data breach: a leaked token or a misused account, whose people must be told within
 * 3 × 24 hours under UU PDP). Without it that question scans every read ever recorded.
 */
export class IndexReadsByActor1733500000000 implements MigrationInterface {
  name = 'IndexReadsByActor1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS personal_data_reads_actor_time ON personal_data_reads (actor_id, read_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS personal_data_reads_actor_time`);
  }
}
