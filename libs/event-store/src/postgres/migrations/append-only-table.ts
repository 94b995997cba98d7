import type { QueryRunner } from 'typeorm';

export interface AppendOnlyTable {
  table: string;
  /** the trigger function's name */
  fn: string;
  /** what the refusal says before `: UPDATE refused on <table>` */
  message: string;
  /** SQLSTATE of the refusal */
  errcode: string;
  hint: string;
}

/**
 * Makes a table append-only as `events` is (migration 1732500000000): a trigger refuses UPDATE,
 * DELETE and TRUNCATE for every user, PUBLIC loses those privileges, and the least-privilege
 * application role `jejak_app` (created if missing) may only read and insert. The statements are
 * those the append-only tables' migrations have always run, so moving a migration onto this
 * helper changes nothing a database sees.
 */
export async function makeAppendOnly(q: QueryRunner, t: AppendOnlyTable): Promise<void> {
  await q.query(`
      CREATE FUNCTION ${t.fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${t.message}: % refused on %', TG_OP, TG_TABLE_NAME
          USING ERRCODE = '${t.errcode}', HINT = '${t.hint}';
      END
      $$`);
  await q.query(`CREATE TRIGGER ${t.table}_no_update_delete BEFORE UPDATE OR DELETE ON ${t.table}
      FOR EACH ROW EXECUTE FUNCTION ${t.fn}()`);
  await q.query(`CREATE TRIGGER ${t.table}_no_truncate BEFORE TRUNCATE ON ${t.table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${t.fn}()`);
  await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${t.table} FROM PUBLIC`);
  await q.query(`
      DO $$ BEGIN
        CREATE ROLE jejak_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
  await q.query(`GRANT SELECT, INSERT ON ${t.table} TO jejak_app`);
}
