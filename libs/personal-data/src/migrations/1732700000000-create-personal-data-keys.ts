import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One data key per person, stored wrapped by the master key. Erasure sets wrapped_key to NULL:
 * the row stays as evidence of when the key was destroyed, the key itself is gone.
 * personal_data_master_keys records which master key protects the table, so a process started
 * with another key refuses to run instead of writing data nobody can read later.
 */
export class CreatePersonalDataKeys1732700000000 implements MigrationInterface {
  name = 'CreatePersonalDataKeys1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_keys (
        subject_id uuid PRIMARY KEY,
        wrapped_key bytea NULL,
        key_version integer NOT NULL DEFAULT 1,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz NULL,
        CONSTRAINT personal_data_keys_destroyed CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE personal_data_master_keys (
        master_key_id text PRIMARY KEY,
        first_used_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Destruction is one-way: a NULL key is never filled in again and a row is never deleted.
    await q.query(`
      CREATE FUNCTION personal_data_keys_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR (OLD.wrapped_key IS NULL AND NEW.wrapped_key IS NOT NULL) THEN
          RAISE EXCEPTION 'a destroyed personal data key cannot be restored or its record removed'
            USING ERRCODE = 'JJ010';
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`CREATE TRIGGER personal_data_keys_one_way BEFORE UPDATE OR DELETE ON personal_data_keys
      FOR EACH ROW EXECUTE FUNCTION personal_data_keys_guard()`);
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE jejak_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // Keys are destroyed by UPDATE (wrapped_key -> NULL), never deleted: the row is the proof.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON personal_data_keys TO jejak_app`);
    await q.query(`GRANT SELECT, INSERT ON personal_data_master_keys TO jejak_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS personal_data_keys`);
    await q.query(`DROP TABLE IF EXISTS personal_data_master_keys`);
    await q.query(`DROP FUNCTION IF EXISTS personal_data_keys_guard`);
  }
}
