import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@jejak/event-store';

/**
 * The read half of the processing trail (UU PDP: a person may ask who processed their data; the
 * writes are the events' metadata). One row per person whose personal fields a response showed:
 * ids and codes only, never a personal value, so it outlives an erasure as the accountability
 * record. Append-only like `events`: the database refuses UPDATE, DELETE and TRUNCATE.
 */
export class CreatePersonalDataReads1733300000000 implements MigrationInterface {
  name = 'CreatePersonalDataReads1733300000000';

  async up(q: QueryRunner): Promise<void> {
    // read_at in milliseconds, like events.recorded_at: the trail merges both on one clock, and a
    // paging cursor (JS Date) names an instant exactly
    await q.query(`
      CREATE TABLE personal_data_reads (
        read_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject_id uuid NOT NULL,
        read_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', statement_timestamp()),
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        purpose text NOT NULL,
        correlation_id text NOT NULL
      )`);
    await q.query(`CREATE INDEX personal_data_reads_subject_time ON personal_data_reads (subject_id, read_at, read_id)`);
    await makeAppendOnly(q, {
      table: 'personal_data_reads',
      fn: 'personal_data_reads_immutable',
      message: 'the processing trail is append-only',
      errcode: 'JJ011',
      hint: 'it is the accountability record of who read personal data',
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS personal_data_reads`);
    await q.query(`DROP FUNCTION IF EXISTS personal_data_reads_immutable`);
  }
}
