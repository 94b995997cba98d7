import type { RecordedEvent } from '@jejak/event-store';
import type { PoolClient } from 'pg';

/**
 * A table a projection owns. The engine creates it (live, or a fresh copy in a rebuild schema),
 * so the DDL takes the schema-qualified, quoted table name rather than hard-coding it.
 * Indexes are separate so a rebuild can create them after the bulk load (faster).
 */
export interface TableSpec {
  /** unqualified table name, e.g. 'caseload'; queries (TypeORM entities) use it in the live schema */
  name: string;
  /** e.g. (t) => `CREATE TABLE ${t} (entrepreneur_id uuid PRIMARY KEY, ..., last_position bigint NOT NULL)` */
  ddl(qualifiedName: string): string;
  /**
   * CREATE INDEX statements; index names must be unique per schema, so use the `indexName` helper:
   * (t, ix) => [`CREATE INDEX ${ix('stage')} ON ${t} (stage)`]
   */
  indexes?(qualifiedName: string, indexName: (suffix: string) => string): string[];
}

export interface ProjectionContext {
  /** the client of the transaction the batch and the checkpoint commit in */
  readonly client: PoolClient;
  /** the schema-qualified, quoted name of one of the projection's tables: live or rebuild target */
  table(name: string): string;
  /**
   * true while replaying into a rebuild schema (lets a projection skip side work, e.g. notifications).
   * A rebuild hands each event exactly once, in global order, into tables that started empty, and
   * builds the TableSpec indexes only after the bulk load: append-only rows may be COPYed
   * (`copyRows`) without conflict handling. The primary key may be declared in `indexes`
   * (`ALTER TABLE ... ADD PRIMARY KEY`) when nothing upserts on it during the replay.
   */
  readonly rebuilding: boolean;
}

/**
 * A checkpointed projection. The engine hands it batches in global order (only events whose type
 * is in `handles`, possibly an empty batch never) inside one transaction that also moves the
 * checkpoint, so the effect is exactly once. Still, applyBatch must be idempotent per event
 * (keep the last applied global position on each row and ignore events at or below it): the
 * dead-letter retry and the rebuild swap may hand an event again.
 *
 * Recipe for speed: load the rows the batch touches in one query (`= ANY($1)`), fold the events
 * with a pure evolve in memory, write back with one multi-row upsert (`unnest($1::uuid[], ...)`).
 */
export interface Projection {
  /** stable name, [a-z0-9_]+; used for the checkpoint, metrics and the admin API */
  readonly name: string;
  /** bump when the evolve or the tables change: the engine then flags the projection for rebuild */
  readonly version: number;
  readonly tables: readonly TableSpec[];
  /** event types this projection reads; other events are skipped without calling applyBatch */
  readonly handles: ReadonlySet<string>;
  applyBatch(ctx: ProjectionContext, events: readonly RecordedEvent[]): Promise<void>;
}

/**
 * The version of a projection whose rows depend on settings as well as on code (a policy read from
 * configuration): a change of either changes the version, so the engine rebuilds the projection
 * (JEJAK_PROJECTION_AUTO_REBUILD) instead of keeping rows judged under the old settings.
 * A positive 31-bit FNV-1a hash of both, stable across processes for equal settings.
 */
export function versionWithSettings(codeVersion: number, settings: unknown): number {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify([codeVersion, settings])) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 1) || 1;
}

/** The engine's log: a line and its level (`info` when omitted). */
export type ProjectionLog = (message: string, level?: 'info' | 'warn') => void;

/** `handles` for a projection that reads every event type (counters, audits) */
export const EVERY_EVENT_TYPE: ReadonlySet<string> = new (class extends Set<string> {
  override has(): boolean {
    return true;
  }
})();
