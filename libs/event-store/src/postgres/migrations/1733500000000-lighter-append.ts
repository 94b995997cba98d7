import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STREAM_APPEND_LOCK_CLASS } from './1732600000000-serialise-appends-per-stream';
import { HashWithoutRebuildingJsonb1732600000001 } from './1732600000001-hash-without-rebuilding-jsonb';
import { BARE_POSITION, literal, POSITION_WITH_OFFSET } from './1733100000000-position-offset';

/**
 * jejak_append, same signature, results, positions and hashes as before, with less work per call:
 * measured with a procedure that calls it 2,000 times, one transaction each (no client, no commit
 * wait), it fell from 72.6-74.5 to 64.9 us a call against 37 us for the baseline's plain INSERT.
 *
 * 1. The position probe (the highest position this transaction already took) runs only when the
 *    transaction already holds a transaction id. Every insert into `events` takes one, so a
 *    transaction without one has appended nothing yet and its first position is the base itself.
 *    A command's append is its own transaction: the probe, an index descent to the log's hot
 *    right edge, is gone from the usual path (about 4 us). It still runs for a second append in
 *    one transaction, after a claim or any other write.
 * 2. A single event appended as a transaction's first write (a command's usual append) is one
 *    INSERT: the head read, the version check, the position, the hash and the row. Its snapshot is
 *    taken after the stream lock, as before; it computes the position once it holds the INSERT's
 *    own lock on `events`, so it still waits out jejak_align_positions() (the race test runs on a
 *    session whose plans were made before the offset moved). Every other append, and one whose
 *    version check failed there, takes the general path, which says the stream's version. On both
 *    paths the claims are inserted after the events, in the same transaction.
 * 3. The canonical text is one concat() instead of a chain of || (each a new text and a node that
 *    plpgsql prepares again in every transaction), and the event id is quoted directly: a uuid's
 *    text is hex digits and dashes, which to_json prints unchanged. The bytes are the same;
 *    jejak_event_hash (used by verifyStream) keeps the original expression, and the awkward-data
 *    tests append and verify single events and batches.
 *
 * Its down() puts the previous body back, since PositionOffset1733100000000's own down() rewrites
 * the position line, which the one-statement path does not have.
 */
export class LighterAppend1733500000000 implements MigrationInterface {
  name = 'LighterAppend1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION jejak_append(p_stream text, p_expected bigint, p_ids uuid[], p_types text[],
        p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[], p_claim_scopes text[], p_claim_keys text[],
        OUT out_version integer, OUT out_first bigint, OUT out_last bigint, OUT out_recorded_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_last integer;
        v_hash bytea;
        v_base bigint;
        v_tx bigint;
        v_n integer := cardinality(p_ids);
        v_hashes bytea[] := '{}';
        v_micros bigint;
        v_prefix text;
        -- no transaction id yet: nothing appended in this transaction before this call
        v_first_write boolean := pg_current_xact_id_if_assigned() IS NULL;
        i integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(${STREAM_APPEND_LOCK_CLASS}, hashtext(p_stream));
        IF v_n = 1 AND v_first_write THEN
          -- a command's usual append in one statement: head, version check, position, hash and row.
          -- Its snapshot is taken after the lock above, as the general path's head read. The position
          -- is computed once the INSERT holds its lock on events, which waits out a realignment.
          INSERT INTO events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
              data, metadata, recorded_at, hash)
            SELECT (pg_current_xact_id()::text::bigint + jejak_position_offset()) * 1000000 + 1,
              p_stream, h.v + 1, p_ids[1], p_types[1], p_schema_versions[1], p_data[1], p_metadata[1], t.at,
              sha256(coalesce(h.hash, ''::bytea) || convert_to(concat('[', to_json(p_stream), ', ', h.v + 1, ', "', p_ids[1], '", ',
                to_json(p_types[1]), ', ', p_schema_versions[1], ', ', p_data[1], ', ', p_metadata[1], ', ',
                (extract(epoch FROM t.at) * 1000000)::bigint, ']'), 'UTF8'))
            FROM (SELECT coalesce(max(l.stream_version), 0) AS v, (array_agg(l.hash))[1] AS hash
                    FROM (SELECT e.stream_version, e.hash FROM events e WHERE e.stream_id = p_stream
                          ORDER BY e.stream_version DESC LIMIT 1) l) h,
                 -- milliseconds: what clients (JS Date) can name exactly in untilRecordedAt
                 (SELECT date_trunc('milliseconds', clock_timestamp()) AS at) t
            -- p_expected: -1 any, -2 stream exists, n >= 0 exactly n (0 = no stream)
            WHERE NOT ((p_expected >= 0 AND h.v <> p_expected) OR (p_expected = -2 AND h.v = 0))
            RETURNING stream_version, global_position, recorded_at INTO out_version, out_first, out_recorded_at;
          out_last := out_first;
        END IF;
        -- every other append, and a single one whose version check failed above: the general path,
        -- which reads the head again (under the same lock) and says which version the stream is at
        IF out_version IS NULL THEN
          SELECT e.stream_version, e.hash INTO v_last, v_hash
            FROM events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
          v_last := coalesce(v_last, 0);
          -- p_expected: -1 any, -2 stream exists, n >= 0 exactly n (0 = no stream)
          IF (p_expected >= 0 AND v_last <> p_expected) OR (p_expected = -2 AND v_last = 0) THEN
            RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'JJ001', DETAIL = v_last::text;
          END IF;
          LOCK TABLE events IN ROW EXCLUSIVE MODE; v_tx := (pg_current_xact_id()::text::bigint + jejak_position_offset()) * 1000000;
          IF v_first_write THEN
            v_base := v_tx;
          ELSE
            SELECT coalesce(max(global_position), v_tx) INTO v_base FROM events
              WHERE global_position > v_tx AND global_position < v_tx + 1000000;
          END IF;
          -- milliseconds: what clients (JS Date) can name exactly in untilRecordedAt
          out_recorded_at := date_trunc('milliseconds', clock_timestamp());
          v_micros := (extract(epoch FROM out_recorded_at) * 1000000)::bigint;
          v_prefix := '[' || to_json(p_stream)::text || ', ';
          FOR i IN 1..v_n LOOP
            v_hash := sha256(coalesce(v_hash, ''::bytea) || convert_to(concat(v_prefix, v_last + i, ', "', p_ids[i], '", ',
              to_json(p_types[i]), ', ', p_schema_versions[i], ', ', p_data[i], ', ', p_metadata[i], ', ', v_micros, ']'), 'UTF8'));
            v_hashes[i] := v_hash;
          END LOOP;
          INSERT INTO events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
              data, metadata, recorded_at, hash)
            SELECT v_base + u.ord, p_stream, v_last + u.ord::integer, u.id, u.type, u.sv, u.data, u.meta, out_recorded_at, u.hash
            FROM unnest(p_ids, p_types, p_schema_versions, p_data, p_metadata, v_hashes)
              WITH ORDINALITY AS u(id, type, sv, data, meta, hash, ord);
          out_version := v_last + v_n;
          out_first := v_base + 1;
          out_last := v_base + v_n;
        END IF;
        -- after the events, in the same transaction: a claim already taken fails the whole append
        IF cardinality(p_claim_scopes) > 0 THEN
          INSERT INTO unique_claims(scope, key, stream_id)
            SELECT s, k, p_stream FROM unnest(p_claim_scopes, p_claim_keys) AS c(s, k);
        END IF;
      END
      $$`);
  }

  /** Puts back the body before this one (1732600000001's, with PositionOffset1733100000000's position line). */
  async down(q: QueryRunner): Promise<void> {
    await new HashWithoutRebuildingJsonb1732600000001().up(q);
    await q.query(
      `DO $$ BEGIN
        EXECUTE replace(pg_get_functiondef('jejak_append(text,bigint,uuid[],text[],integer[],jsonb[],jsonb[],text[],text[])'::regprocedure),
          ${literal(BARE_POSITION)}, ${literal(POSITION_WITH_OFFSET)});
      END $$`,
    );
  }
}
