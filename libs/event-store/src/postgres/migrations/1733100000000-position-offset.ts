import type { MigrationInterface, QueryRunner } from 'typeorm';

export const BARE_POSITION = 'v_tx := pg_current_xact_id()::text::bigint * 1000000;';
// The lock the INSERT takes anyway, taken before the position is: an append that starts while
// jejak_align_positions() holds its EXCLUSIVE lock waits here and then takes the new offset,
// instead of computing the old one and inserting below the restored log once the lock is gone.
export const POSITION_WITH_OFFSET = 'LOCK TABLE events IN ROW EXCLUSIVE MODE; v_tx := (pg_current_xact_id()::text::bigint + jejak_position_offset()) * 1000000;';

/**
 * Global positions survive a logical restore (ADR 0002, "Restores").
 *
 * A position is `transaction id × 10^6 + k`. A pg_dump restored into a new cluster (a major
 * upgrade, a new server, a disaster recovery) brings back positions taken from the old cluster's
 * transaction ids, but the new cluster counts its ids from a few hundred again: every new event
 * would get a position below the restored ones, and every reader whose checkpoint is at the end
 * of the restored log (projections, relay, feed clients) would never see it.
 *
 * Positions now use `(transaction id + jejak_position_offset()) × 10^6 + k`, and readers the same
 * offset in their horizon, so the proof of ADR 0002 is unchanged (the same increasing map of the
 * transaction id on both sides). The offset is 0 until `jejak_align_positions()`, run at every
 * start after the migrations, finds the log ahead of the cluster's transaction ids; it then
 * raises the offset once so that the next transaction's positions come after the last restored
 * one, and redefines `jejak_position_offset()` as that constant (inlined by the planner: appends
 * and reads pay nothing for it).
 *
 * The two append functions are changed in place (their one `xid × 10^6` assignment), not copied;
 * each now takes the ROW EXCLUSIVE lock on `events` (its INSERT's own) before its position, so an
 * append racing the realignment waits for it and takes the new offset.
 */
export class PositionOffset1733100000000 implements MigrationInterface {
  name = 'PositionOffset1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION jejak_position_offset() RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT 0::bigint'`);
    await rewriteAppendFunctions(q, BARE_POSITION, POSITION_WITH_OFFSET);
    await q.query(`
      CREATE FUNCTION jejak_align_positions() RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        v_last bigint;
        v_offset bigint;
      BEGIN
        SELECT global_position INTO v_last FROM events ORDER BY global_position DESC LIMIT 1;
        IF v_last IS NULL OR v_last < (pg_current_xact_id()::text::bigint + jejak_position_offset()) * 1000000 THEN
          RETURN NULL; -- the usual case: the log is behind the transaction ids
        END IF;
        -- no append may take a position while the offset moves (reads go on)
        LOCK TABLE events IN EXCLUSIVE MODE;
        SELECT global_position INTO v_last FROM events ORDER BY global_position DESC LIMIT 1;
        -- after the last restored transaction, with room for a million transactions still running
        -- elsewhere in the cluster, whose xmin would otherwise hold readers below the restored end
        v_offset := v_last / 1000000 + 1000000 - pg_current_xact_id()::text::bigint;
        EXECUTE format('CREATE OR REPLACE FUNCTION jejak_position_offset() RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
          'SELECT ' || v_offset || '::bigint');
        RETURN v_offset;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION jejak_align_positions()`);
    await rewriteAppendFunctions(q, POSITION_WITH_OFFSET, BARE_POSITION);
    await q.query(`DROP FUNCTION jejak_position_offset()`);
  }
}

/** Replaces `from` by `to` in jejak_append and jejak_append_new_streams, failing if either lacks it. */
async function rewriteAppendFunctions(q: QueryRunner, from: string, to: string): Promise<void> {
  await q.query(
    `DO $$
    DECLARE
      f record;
      n integer := 0;
    BEGIN
      FOR f IN SELECT p.oid, p.proname FROM pg_proc p
          WHERE p.proname IN ('jejak_append', 'jejak_append_new_streams') AND p.pronamespace = current_schema()::regnamespace LOOP
        IF position(${literal(from)} IN pg_get_functiondef(f.oid)) = 0 THEN
          RAISE EXCEPTION '% does not compute positions as expected', f.proname;
        END IF;
        EXECUTE replace(pg_get_functiondef(f.oid), ${literal(from)}, ${literal(to)});
        n := n + 1;
      END LOOP;
      IF n <> 2 THEN
        RAISE EXCEPTION 'expected jejak_append and jejak_append_new_streams, found % function(s)', n;
      END IF;
    END
    $$`,
  );
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
