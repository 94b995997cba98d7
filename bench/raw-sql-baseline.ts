import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { NewEvent } from '@jejak/event-store';

/**
 * What the store is measured against: the same work done with plain SQL on a table identical to
 * `events` (same columns, types, NOT NULLs, primary key, unique constraints and indexes, copied
 * with LIKE ... INCLUDING ALL), without the store's function, triggers or global-order scheme.
 *
 * - append: ONE statement, `INSERT ... SELECT ... FROM unnest(...)` guarded by an optimistic
 *   version check (`WHERE current max(stream_version) = expected`); global_position from a plain
 *   sequence (the bigserial the store deliberately avoids: not gap-safe); recorded_at = now();
 *   hash = sha256 of the event computed in Node, NOT chained (a chain would need the previous
 *   hash). No unique claims, no triggers (the store's triggers fire only on UPDATE/DELETE/TRUNCATE,
 *   so they cost an append nothing anyway).
 * - both use named (prepared) statements, as the store does, so the comparison is of the work
 *   done, not of parse and plan time.
 * - read: plain keyset pagination, `WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
 *   returning the same columns as the store's readAll, rows left as pg returns them.
 */
export class RawSqlBaseline {
  static readonly COLUMNS = `global_position, stream_id, stream_version, event_id, event_type, schema_version,
    data, metadata, recorded_at, encode(hash, 'hex') AS hash`;

  constructor(private readonly pool: Pool) {}

  async createTable(): Promise<void> {
    await this.pool.query(`DROP TABLE IF EXISTS baseline_events; DROP SEQUENCE IF EXISTS baseline_events_position_seq`);
    await this.pool.query(`CREATE TABLE baseline_events (LIKE events INCLUDING ALL)`);
    await this.pool.query(`CREATE SEQUENCE baseline_events_position_seq OWNED BY baseline_events.global_position`);
    await this.pool.query(`ALTER TABLE baseline_events ALTER global_position SET DEFAULT nextval('baseline_events_position_seq')`);
  }

  /** Returns the stream's new version; throws on a version conflict like the store would. */
  async append(streamId: string, events: NewEvent[], expectedVersion: number): Promise<number> {
    const data = events.map((e) => JSON.stringify(e.data));
    const metadata = events.map((e) => JSON.stringify(e.metadata));
    const hashes = events.map((e, i) =>
      createHash('sha256').update(JSON.stringify([streamId, e.id, e.type, e.schemaVersion])).update(data[i]).update(metadata[i]).digest(),
    );
    const { rowCount } = await this.pool.query({
      name: 'baseline_append',
      text: `INSERT INTO baseline_events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata, recorded_at, hash)
       SELECT $1, v.current + u.ord::integer, u.id, u.type, u.sv, u.data, u.meta, now(), u.hash
       FROM (SELECT coalesce(max(stream_version), 0) AS current FROM baseline_events WHERE stream_id = $1) v,
            unnest($3::uuid[], $4::text[], $5::integer[], $6::jsonb[], $7::jsonb[], $8::bytea[])
              WITH ORDINALITY AS u(id, type, sv, data, meta, hash, ord)
       WHERE v.current = $2`,
      values: [streamId, expectedVersion, events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.schemaVersion), data, metadata, hashes],
    });
    if (rowCount !== events.length) throw new Error(`baseline: wrong expected version ${expectedVersion} on ${streamId}`);
    return expectedVersion + events.length;
  }

  async readAll(after: number, limit: number): Promise<{ global_position: string }[]> {
    const { rows } = await this.pool.query({
      name: 'baseline_read_all',
      text: `SELECT ${RawSqlBaseline.COLUMNS} FROM baseline_events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      values: [after, limit],
    });
    return rows;
  }
}
