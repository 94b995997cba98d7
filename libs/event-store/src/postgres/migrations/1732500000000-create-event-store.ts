import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. global_position = transaction id * 1,000,000 + index within the transaction,
 * so the global order follows commit visibility (docs/adr/0002-gap-safe-global-order.md).
 */
export class CreateEventStore1732500000000 implements MigrationInterface {
  name = 'CreateEventStore1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        global_position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        hash bytea NOT NULL,
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      )`);
    await q.query(`
      CREATE TABLE unique_claims (
        scope text NOT NULL,
        key text NOT NULL,
        stream_id text NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unique_claims_pkey PRIMARY KEY (scope, key)
      )`);
    await q.query(`
      CREATE FUNCTION jejak_event_hash(prev bytea, stream text, version integer, id uuid, type text,
        schema_version integer, data jsonb, metadata jsonb, recorded_at timestamptz) RETURNS bytea
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT sha256(coalesce(prev, ''::bytea) || convert_to(jsonb_build_array(
          stream, version, id::text, type, schema_version, data, metadata,
          (extract(epoch FROM recorded_at) * 1000000)::bigint)::text, 'UTF8'))
      $$`);
    await q.query(`
      CREATE FUNCTION jejak_append(p_stream text, p_expected bigint, p_ids uuid[], p_types text[],
        p_schema_versions integer[], p_data jsonb[], p_metadata jsonb[], p_claim_scopes text[], p_claim_keys text[],
        OUT out_version integer, OUT out_first bigint, OUT out_last bigint, OUT out_recorded_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_last integer;
        v_hash bytea;
        v_base bigint;
        v_tx bigint := pg_current_xact_id()::text::bigint * 1000000;
        v_n integer := cardinality(p_ids);
        v_hashes bytea[] := '{}';
        i integer;
      BEGIN
        SELECT e.stream_version, e.hash INTO v_last, v_hash
          FROM events e WHERE e.stream_id = p_stream ORDER BY e.stream_version DESC LIMIT 1;
        v_last := coalesce(v_last, 0);
        -- p_expected: -1 any, -2 stream exists, n >= 0 exactly n (0 = no stream)
        IF (p_expected >= 0 AND v_last <> p_expected) OR (p_expected = -2 AND v_last = 0) THEN
          RAISE EXCEPTION 'wrong expected version' USING ERRCODE = 'JJ001', DETAIL = v_last::text;
        END IF;
        IF cardinality(p_claim_scopes) > 0 THEN
          INSERT INTO unique_claims(scope, key, stream_id)
            SELECT s, k, p_stream FROM unnest(p_claim_scopes, p_claim_keys) AS c(s, k);
        END IF;
        SELECT coalesce(max(global_position), v_tx) INTO v_base FROM events
          WHERE global_position > v_tx AND global_position < v_tx + 1000000;
        -- milliseconds: what clients (JS Date) can name exactly in untilRecordedAt
        out_recorded_at := date_trunc('milliseconds', clock_timestamp());
        FOR i IN 1..v_n LOOP
          v_hash := jejak_event_hash(v_hash, p_stream, v_last + i, p_ids[i], p_types[i], p_schema_versions[i],
            p_data[i], p_metadata[i], out_recorded_at);
          v_hashes := v_hashes || v_hash;
        END LOOP;
        INSERT INTO events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
            data, metadata, recorded_at, hash)
          SELECT v_base + u.ord, p_stream, v_last + u.ord::integer, u.id, u.type, u.sv, u.data, u.meta, out_recorded_at, u.hash
          FROM unnest(p_ids, p_types, p_schema_versions, p_data, p_metadata, v_hashes)
            WITH ORDINALITY AS u(id, type, sv, data, meta, hash, ord);
        out_version := v_last + v_n;
        out_first := v_base + 1;
        out_last := v_base + v_n;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION jejak_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are immutable: % refused on %', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'JJ002', HINT = 'correct a mistake with a correcting event';
      END
      $$`);
    await q.query(`CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION jejak_events_immutable()`);
    await q.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION jejak_events_immutable()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON events FROM PUBLIC`);
    // The least-privilege role for application connections (docs/runbook.md): read and append only.
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE jejak_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await q.query(`GRANT SELECT, INSERT ON events TO jejak_app`);
    await q.query(`GRANT SELECT, INSERT ON unique_claims TO jejak_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS unique_claims`);
    await q.query(`DROP TABLE IF EXISTS events`);
    await q.query(`DROP FUNCTION IF EXISTS jejak_append`);
    await q.query(`DROP FUNCTION IF EXISTS jejak_event_hash`);
    await q.query(`DROP FUNCTION IF EXISTS jejak_events_immutable`);
  }
}
