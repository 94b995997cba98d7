import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A one-pass path in jejak_append_many for batches that only create streams (every expected
 * version is "no stream"): imports and the demo seed, 10 million events at a time.
 *
 * The general path calls jejak_append once per stream, and each call slices the flattened
 * arrays, takes an advisory lock and runs five statements. The one-pass path inserts all claims
 * in one statement, computes every hash chain in one loop and inserts every event in one
 * statement; the unique indexes, not a lock, catch a stream that exists already.
 *
 * It writes exactly the rows the general path would: the same global positions (the batch's
 * events in order after what this transaction already appended), versions from 1, and the same
 * hash expression (see jejak_append; verifyStream recomputes with jejak_event_hash). All streams
 * of the batch share one recorded_at, as they may: the general path reads the clock per stream.
 *
 * Any error (a stream that exists, a claim taken, a concurrent writer creating the same stream,
 * which the unique index catches without the advisory lock) rolls the one-pass attempt back and
 * the batch runs through the general path, which raises the same typed error, naming the stream,
 * as before. So callers see no difference but the speed.
 */
export class AppendNewStreamsInOnePass1732600002000 implements MigrationInterface {
  name = 'AppendNewStreamsInOnePass1732600002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION jejak_append_new_streams(p_streams text[], p_counts integer[], p_ids uuid[],
        p_types text[], p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[],
        p_claim_counts integer[], p_claim_scopes text[], p_claim_keys text[])
      RETURNS TABLE (out_stream text, out_version integer, out_first bigint, out_last bigint, out_recorded_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_ns integer := cardinality(p_streams);
        v_tx bigint;
        v_base bigint;
        v_at timestamptz;
        v_micros bigint;
        v_hash bytea;
        v_hashes bytea[] := '{}';
        v_stream_of text[] := '{}';
        v_version_of integer[] := '{}';
        v_claim_stream_of text[] := '{}';
        cur text;
        i integer := 0;
        j integer := 0;
      BEGIN
        -- No existence check: a stream that exists already has a version 1, so inserting ours
        -- violates events_stream_version_key and the caller falls back to the general path. (A
        -- check by stream_id = ANY(...) was planned as a scan of the whole table per batch.)
        FOR s IN 1..v_ns LOOP
          FOR k IN 1..p_claim_counts[s] LOOP
            j := j + 1;
            v_claim_stream_of[j] := p_streams[s];
          END LOOP;
        END LOOP;
        IF j > 0 THEN
          INSERT INTO unique_claims(scope, key, stream_id)
            SELECT c.s, c.k, c.stream FROM unnest(p_claim_scopes, p_claim_keys, v_claim_stream_of) AS c(s, k, stream);
        END IF;
        v_tx := pg_current_xact_id()::text::bigint * 1000000;
        SELECT coalesce(max(global_position), v_tx) INTO v_base FROM events
          WHERE global_position > v_tx AND global_position < v_tx + 1000000;
        v_at := date_trunc('milliseconds', clock_timestamp());
        v_micros := (extract(epoch FROM v_at) * 1000000)::bigint;
        FOR s IN 1..v_ns LOOP
          cur := p_streams[s];
          v_hash := NULL;
          FOR v IN 1..p_counts[s] LOOP
            i := i + 1;
            -- the expression of jejak_event_hash, as in jejak_append
            v_hash := sha256(coalesce(v_hash, ''::bytea) || convert_to(jsonb_build_array(
              cur, v, p_ids[i]::text, p_types[i], p_schema_versions[i], p_data[i], p_metadata[i], v_micros)::text, 'UTF8'));
            v_hashes[i] := v_hash;
            v_stream_of[i] := cur;
            v_version_of[i] := v;
          END LOOP;
        END LOOP;
        INSERT INTO events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
            data, metadata, recorded_at, hash)
          SELECT v_base + u.ord, u.stream, u.version, u.id, u.type, u.sv, u.data, u.meta, v_at, u.hash
          FROM unnest(v_stream_of, v_version_of, p_ids, p_types, p_schema_versions, p_data, p_metadata, v_hashes)
            WITH ORDINALITY AS u(stream, version, id, type, sv, data, meta, hash, ord);
        RETURN QUERY
          SELECT st.stream, st.n, v_base + st.upto - st.n + 1, v_base + st.upto, v_at
          FROM (SELECT x.stream, x.n, sum(x.n) OVER (ORDER BY x.ord) AS upto
                FROM unnest(p_streams, p_counts) WITH ORDINALITY AS x(stream, n, ord)) st
          ORDER BY st.upto;
      END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION jejak_append_many(p_streams text[], p_expected bigint[], p_counts integer[], p_ids uuid[],
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
        v_done boolean := false;
      BEGIN
        -- the one-pass path: only new streams, each named once, each with events
        IF coalesce(cardinality(p_streams), 0) > 0 AND 0 = ALL(p_expected) AND 0 < ALL(p_counts)
            AND cardinality(p_ids) = (SELECT sum(x) FROM unnest(p_counts) AS x)
            AND cardinality(p_streams) = (SELECT count(DISTINCT x) FROM unnest(p_streams) AS x) THEN
          BEGIN
            -- the called function returns its rows only once all are written, so a failure adds none
            RETURN QUERY SELECT * FROM jejak_append_new_streams(p_streams, p_counts, p_ids, p_types,
              p_schema_versions, p_data, p_metadata, p_claim_counts, p_claim_scopes, p_claim_keys);
            v_done := true;
          EXCEPTION WHEN OTHERS THEN
            -- rolled back to the start of this block: the general path below finds and names the failure
            v_done := false;
          END;
          IF v_done THEN
            RETURN;
          END IF;
        END IF;
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
    await q.query(`DROP FUNCTION IF EXISTS jejak_append_new_streams`);
  }
}
