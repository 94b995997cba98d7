import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STREAM_APPEND_LOCK_CLASS } from './1732600000000-serialise-appends-per-stream';
import { APPEND_EACH_SIGNATURE, APPEND_ONE, AppendGroupCommit1733600000000 } from './1733600000000-append-group-commit';

/**
 * jejak_append_each no longer waits for a stream lock held elsewhere (an import, another process's
 * transaction): it tries each stream's lock once, and an append whose stream is held is not run
 * but returned as `55P03` (lock_not_available), which the store runs again alone, where it waits
 * as it would have without group commit. Before, the whole transaction, and every append in it,
 * waited for the one held stream, holding the locks of its other streams meanwhile.
 *
 * A shared transaction now never waits for a stream lock, so it cannot deadlock on one; the
 * first version took the locks in the order of their key for that. It can still wait for another
 * transaction's uncommitted claim or event id, as any append can.
 */
export class GroupCommitSkipsHeldStreams1733600000001 implements MigrationInterface {
  name = 'GroupCommitSkipsHeldStreams1733600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION ${APPEND_EACH_SIGNATURE}
      LANGUAGE plpgsql AS $$
      DECLARE
        e integer := 1;
        c integer := 1;
        n integer;
        k integer;
        v_key integer;
        v_held integer[] := '{}';
      BEGIN
        FOR v_key IN SELECT DISTINCT hashtext(s) FROM unnest(p_streams) AS s LOOP
          IF NOT pg_try_advisory_xact_lock(${STREAM_APPEND_LOCK_CLASS}, v_key) THEN
            v_held := v_held || v_key;
          END IF;
        END LOOP;
        FOR i IN 1..coalesce(cardinality(p_streams), 0) LOOP
          n := p_counts[i];
          k := p_claim_counts[i];
          out_item := i;
          out_version := NULL;
          out_first := NULL;
          out_last := NULL;
          out_recorded_at := NULL;
          out_sqlstate := NULL;
          out_constraint := NULL;
          out_detail := NULL;
          IF hashtext(p_streams[i]) = ANY (v_held) THEN
            -- another transaction holds the stream: the caller runs this append alone
            out_sqlstate := '55P03';
            out_detail := 'the stream is being appended to by another transaction';
          ELSE
${APPEND_ONE}          END IF;
          e := e + n;
          c := c + k;
          RETURN NEXT;
        END LOOP;
      END
      $$`);
  }

  /** puts the first version back */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS jejak_append_each`);
    await new AppendGroupCommit1733600000000().up(q);
  }
}
