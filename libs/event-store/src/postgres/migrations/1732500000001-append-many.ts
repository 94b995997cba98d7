import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * jejak_append_many: several streams in one transaction and one round trip, for imports and the
 * demo seed. Each stream goes through jejak_append, so versions, claims and the hash chain follow
 * the same rules as a single append. Arrays are flattened: p_counts[i] events and
 * p_claim_counts[i] claims belong to p_streams[i], in order. On failure the failing stream is
 * named in the error's HINT, so the caller can map it to a typed error.
 */
export class AppendMany1732500000001 implements MigrationInterface {
  name = 'AppendMany1732500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION jejak_append_many(p_streams text[], p_expected bigint[], p_counts integer[], p_ids uuid[],
        p_types text[], p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[],
        p_claim_counts integer[], p_claim_scopes text[], p_claim_keys text[])
      RETURNS TABLE (out_stream text, out_version integer, out_first bigint, out_last bigint, out_recorded_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        e integer := 1;
        c integer := 1;
        n integer;
        k integer;
        cur text;
        v_state text;
        v_detail text;
        v_constraint text;
        v_message text;
      BEGIN
        FOR i IN 1..coalesce(cardinality(p_streams), 0) LOOP
          cur := p_streams[i];
          n := p_counts[i];
          k := p_claim_counts[i];
          SELECT cur, a.out_version, a.out_first, a.out_last, a.out_recorded_at
            INTO out_stream, out_version, out_first, out_last, out_recorded_at
            FROM jejak_append(cur, p_expected[i], p_ids[e:e + n - 1], p_types[e:e + n - 1],
              p_schema_versions[e:e + n - 1], p_data[e:e + n - 1], p_metadata[e:e + n - 1],
              coalesce(p_claim_scopes[c:c + k - 1], '{}'), coalesce(p_claim_keys[c:c + k - 1], '{}')) AS a;
          e := e + n;
          c := c + k;
          RETURN NEXT;
        END LOOP;
      EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_detail = PG_EXCEPTION_DETAIL,
          v_constraint = CONSTRAINT_NAME, v_message = MESSAGE_TEXT;
        RAISE EXCEPTION USING ERRCODE = v_state, MESSAGE = v_message, DETAIL = coalesce(v_detail, ''),
          CONSTRAINT = coalesce(v_constraint, ''), HINT = cur;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS jejak_append_many`);
  }
}
