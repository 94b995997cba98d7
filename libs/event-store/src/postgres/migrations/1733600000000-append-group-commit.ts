import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STREAM_APPEND_LOCK_CLASS } from './1732600000000-serialise-appends-per-stream';

/**
 * jejak_append_each's name, parameters and result, shared by both of its versions: the second
 * replaces the first (CREATE OR REPLACE) only while they are the same, where a difference would
 * add a second function beside it.
 */
export const APPEND_EACH_SIGNATURE = `jejak_append_each(p_streams text[], p_expected bigint[], p_counts integer[], p_ids uuid[],
        p_types text[], p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[],
        p_claim_counts integer[], p_claim_scopes text[], p_claim_keys text[])
      RETURNS TABLE (out_item integer, out_version integer, out_first bigint, out_last bigint, out_recorded_at timestamptz,
        out_sqlstate text, out_constraint text, out_detail text)`;

/**
 * The i-th append in a block of its own: its result into the out_ columns, or, when it fails, its
 * SQLSTATE, constraint and detail, with what it wrote rolled back. Shared by both versions of
 * jejak_append_each (e, n, c and k point at its events and claims in the flattened arrays).
 */
export const APPEND_ONE = `          BEGIN
            SELECT a.out_version, a.out_first, a.out_last, a.out_recorded_at
              INTO out_version, out_first, out_last, out_recorded_at
              FROM jejak_append(p_streams[i], p_expected[i], p_ids[e:e + n - 1], p_types[e:e + n - 1],
                p_schema_versions[e:e + n - 1], p_data[e:e + n - 1], p_metadata[e:e + n - 1],
                coalesce(p_claim_scopes[c:c + k - 1], '{}'), coalesce(p_claim_keys[c:c + k - 1], '{}')) AS a;
          EXCEPTION WHEN OTHERS THEN
            -- this append's events and claims are rolled back; the ones before it stay
            GET STACKED DIAGNOSTICS out_sqlstate = RETURNED_SQLSTATE, out_constraint = CONSTRAINT_NAME,
              out_detail = PG_EXCEPTION_DETAIL;
            out_version := NULL;
            out_first := NULL;
            out_last := NULL;
            out_recorded_at := NULL;
          END;
`;

/**
 * jejak_append_each: independent appends in one transaction, for the store's group commit (ADR
 * 0012). Unlike jejak_append_many, which is atomic (one failure fails them all), each append here
 * succeeds or fails alone: it runs jejak_append in a block of its own (a subtransaction), and a
 * failure is returned as that append's row (SQLSTATE, constraint, detail) instead of raised, so
 * the others still commit. Arrays are flattened as in jejak_append_many: p_counts[i] events and
 * p_claim_counts[i] claims belong to p_streams[i], in order. One row per append, `out_item` its
 * index, in the order given; positions follow that order.
 *
 * Every stream's lock is taken first, in the order of its lock key. Two such transactions then
 * never wait for each other's stream locks in opposite orders (a deadlock); jejak_append takes
 * the same lock again, which it already holds.
 */
export class AppendGroupCommit1733600000000 implements MigrationInterface {
  name = 'AppendGroupCommit1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ${APPEND_EACH_SIGNATURE}
      LANGUAGE plpgsql AS $$
      DECLARE
        e integer := 1;
        c integer := 1;
        n integer;
        k integer;
        v_key integer;
      BEGIN
        FOR v_key IN SELECT DISTINCT hashtext(s) FROM unnest(p_streams) AS s ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(${STREAM_APPEND_LOCK_CLASS}, v_key);
        END LOOP;
        FOR i IN 1..coalesce(cardinality(p_streams), 0) LOOP
          n := p_counts[i];
          k := p_claim_counts[i];
          out_item := i;
          out_sqlstate := NULL;
          out_constraint := NULL;
          out_detail := NULL;
${APPEND_ONE}          e := e + n;
          c := c + k;
          RETURN NEXT;
        END LOOP;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS jejak_append_each`);
  }
}
