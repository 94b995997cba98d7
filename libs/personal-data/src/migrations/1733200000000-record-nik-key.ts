import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which NIK HMAC key the NIK registrations (unique_claims, scope `nik`) were made with, as
 * personal_data_master_keys records the master key: a process started with another
 * JEJAK_NIK_HMAC_KEY would hash a registered NIK differently and let it register again, silently.
 * A database upgraded to this migration records the key of its next start.
 */
export class RecordNikKey1733200000000 implements MigrationInterface {
  name = 'RecordNikKey1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_nik_keys (
        nik_key_id text PRIMARY KEY,
        first_used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`GRANT SELECT, INSERT ON personal_data_nik_keys TO jejak_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS personal_data_nik_keys`);
  }
}
