import type { Pool, QueryResult, QueryResultRow } from 'pg';
import { DatabaseError } from 'pg';
import { DuplicateEventIdError, UniqueClaimViolationError, WrongExpectedVersionError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamVerification,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { assertValidEvents, assertValidStreamId } from '../stream-id';
import { UpcasterRegistry } from '../upcasters';
import { AppendListeners, type AppendListener } from '../append-listeners';
import { PollingSubscription } from '../polling-subscription';
import type { PostgresAppendSignal } from './append-signal';

export interface PostgresEventStoreOptions {
  upcasters?: UpcasterRegistry;
  /** how often an idle subscription looks for events written by other processes */
  pollIntervalMs?: number;
  /**
   * Tells other processes of this store's appends and wakes this store's listeners and
   * subscriptions on theirs (LISTEN/NOTIFY), instead of at their next poll. The store closes it.
   */
  appendSignal?: PostgresAppendSignal;
}

const COLUMNS = `global_position, stream_id, stream_version, event_id, event_type, schema_version,
  data, metadata, recorded_at, encode(hash, 'hex') AS hash`;

/**
 * Only positions of transactions older than every running one: nothing can appear below it later.
 * The offset is the appends' own (0 unless a restore moved it: migrations/1733100000000-position-offset.ts).
 * Audit anchors seal up to the same horizon (audit-anchors.ts).
 */
const SAFE_LIMIT = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint + jejak_position_offset()) * 1000000`;

/** The position up to which the global order is complete (headPosition); audit anchors seal up to it. */
export const HEAD_POSITION_SQL = `SELECT coalesce(max(global_position), 0) AS p FROM events WHERE global_position < ${SAFE_LIMIT}`;

interface EventRow {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
  hash: string;
}

function expectedToSql(expected: ExpectedVersion): number {
  if (expected === 'any') return -1;
  if (expected === 'stream_exists') return -2;
  if (expected === 'no_stream') return 0;
  if (!Number.isInteger(expected) || expected < 0) throw new RangeError(`invalid expected version ${expected}`);
  return expected;
}

export class PostgresEventStore implements EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly appended = new AppendListeners();
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly appendSignal: PostgresAppendSignal | undefined;

  constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.appendSignal = options.appendSignal;
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    assertValidStreamId(streamId);
    assertValidEvents(events);
    const claims = options.claims ?? [];
    const params = [
      streamId,
      expectedToSql(options.expectedVersion),
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
      claims.map((c) => c.scope),
      claims.map((c) => c.key),
    ];
    for (;;) {
      try {
        const { rows } = await this.query(
          `SELECT out_version, out_first, out_last, out_recorded_at FROM jejak_append($1, $2, $3, $4, $5, $6::jsonb[], $7::jsonb[], $8, $9)`,
          params,
          'jejak_append',
        );
        const r = rows[0];
        this.tellAppended(Number(r.out_last));
        return {
          streamId,
          version: r.out_version,
          firstPosition: Number(r.out_first),
          lastPosition: Number(r.out_last),
          recordedAt: r.out_recorded_at,
        };
      } catch (err) {
        const mapped = await this.mapAppendError(err, streamId, options.expectedVersion);
        if (mapped === 'retry') continue;
        throw mapped;
      }
    }
  }

  async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    for (const a of appends) {
      assertValidStreamId(a.streamId);
      assertValidEvents(a.events);
    }
    const all = appends.flatMap((a) => a.events);
    const claims = appends.flatMap((a) => a.options.claims ?? []);
    const params = [
      appends.map((a) => a.streamId),
      appends.map((a) => expectedToSql(a.options.expectedVersion)),
      appends.map((a) => a.events.length),
      all.map((e) => e.id),
      all.map((e) => e.type),
      all.map((e) => e.schemaVersion),
      all.map((e) => JSON.stringify(e.data)),
      all.map((e) => JSON.stringify(e.metadata)),
      appends.map((a) => a.options.claims?.length ?? 0),
      claims.map((c) => c.scope),
      claims.map((c) => c.key),
    ];
    for (;;) {
      try {
        const { rows } = await this.query(
          `SELECT out_stream, out_version, out_first, out_last, out_recorded_at
             FROM jejak_append_many($1, $2, $3, $4, $5, $6, $7::jsonb[], $8::jsonb[], $9, $10, $11)`,
          params,
        );
        this.tellAppended(Math.max(...rows.map((r) => Number(r.out_last))));
        return rows.map((r) => ({
          streamId: r.out_stream,
          version: r.out_version,
          firstPosition: Number(r.out_first),
          lastPosition: Number(r.out_last),
          recordedAt: r.out_recorded_at,
        }));
      } catch (err) {
        const failed = appends.find((a) => a.streamId === (err as DatabaseError).hint);
        if (!failed) throw err;
        const mapped = await this.mapAppendError(err, failed.streamId, failed.options.expectedVersion);
        if (mapped === 'retry') continue;
        throw mapped;
      }
    }
  }

  private async mapAppendError(err: unknown, streamId: string, expected: ExpectedVersion): Promise<Error | 'retry'> {
    if (!(err instanceof DatabaseError)) return err as Error;
    if (err.code === 'JJ001') return new WrongExpectedVersionError(streamId, expected, Number(err.detail));
    if (err.code !== '23505') return err;
    if (err.constraint === 'unique_claims_pkey') return new UniqueClaimViolationError(/\(scope, key\)=\(([^,]*),/.exec(err.detail ?? '')?.[1] ?? 'unknown');
    if (err.constraint === 'events_event_id_key') return new DuplicateEventIdError(/=\(([^)]*)\)/.exec(err.detail ?? '')?.[1] ?? 'unknown');
    if (err.constraint === 'events_stream_version_key') {
      // A concurrent append took the same version first.
      if (expected === 'any' || expected === 'stream_exists') return 'retry';
      return new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
    }
    return err;
  }

  /**
   * pg's pool.query closes the connection after ANY error, so every version conflict used to cost
   * a new connection (fork + SCRAM auth, ~100 ms on a busy machine) on the next call. An error the
   * server reported for a statement (DatabaseError) leaves the connection healthy: keep it.
   * A `name` makes it a prepared statement, parsed and planned once per connection (hot paths).
   */
  private async query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[], name?: string): Promise<QueryResult<R>> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await client.query<R>({ text, values, name });
    } catch (err) {
      if (!(err instanceof DatabaseError)) broken = err as Error;
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.query(`SELECT coalesce(max(stream_version), 0) AS v FROM events WHERE stream_id = $1`, [streamId]);
    return rows[0].v;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    const { rows } = await this.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2
         AND ($3::timestamptz IS NULL OR recorded_at <= $3) ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1, options.untilRecordedAt ?? null],
      'jejak_read_stream',
    );
    return rows.map((r) => this.toEvent(r));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE global_position > $1 AND global_position < ${SAFE_LIMIT}
         ORDER BY global_position LIMIT $2`,
      [options.after ?? 0, options.limit ?? 1000],
      'jejak_read_all',
    );
    return rows.map((r) => this.toEvent(r));
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.query(
      HEAD_POSITION_SQL,
    );
    return Number(rows[0].p);
  }

  /** after a committed append: this process's listeners, then the other processes */
  private tellAppended(lastPosition: number): void {
    this.appended.tell(lastPosition);
    this.appendSignal?.notify(lastPosition);
  }

  onAppended(listener: AppendListener): () => void {
    this.appendSignal?.listen(this.appended.tell);
    return this.appended.add(listener);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    this.appendSignal?.listen(this.appended.tell);
    const sub = new PollingSubscription(this, this.appended, this.pollIntervalMs, options, () => this.subscriptions.delete(sub));
    this.subscriptions.add(sub);
    sub.start();
    return sub;
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    assertValidStreamId(streamId);
    const { rows } = await this.query<{ stream_version: number; ok: boolean; hash: string }>(
      `SELECT stream_version, encode(hash, 'hex') AS hash,
         stream_version = row_number() OVER w
         AND hash = jejak_event_hash(lag(hash) OVER w, stream_id, stream_version, event_id, event_type,
                                     schema_version, data, metadata, recorded_at) AS ok
       FROM events WHERE stream_id = $1 WINDOW w AS (ORDER BY stream_version) ORDER BY stream_version`,
      [streamId],
    );
    const broken = rows.find((r) => !r.ok);
    return {
      streamId,
      valid: !broken,
      checkedEvents: rows.length,
      firstBrokenVersion: broken ? broken.stream_version : null,
      headHash: rows.length ? rows[rows.length - 1].hash : null,
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.appendSignal?.close();
  }

  private toEvent(r: EventRow): RecordedEvent {
    const e: RecordedEvent = {
      id: r.event_id,
      type: r.event_type,
      schemaVersion: r.schema_version,
      data: r.data,
      metadata: r.metadata,
      streamId: r.stream_id,
      streamVersion: r.stream_version,
      globalPosition: Number(r.global_position),
      recordedAt: r.recorded_at,
      hash: r.hash,
    };
    return this.upcasters.isEmpty ? e : this.upcasters.apply(e);
  }
}

/**
 * Run at every start, after the migrations: when the log is ahead of this cluster's transaction
 * ids (a pg_dump restored into a new cluster), moves the positions' offset so new events come
 * after the restored ones. Returns the new offset, or null when nothing had to move (the usual
 * case) or the database has no event store.
 */
export async function alignGlobalPositions(db: { query(text: string): Promise<QueryResult> }): Promise<number | null> {
  const { rows } = await db.query(`SELECT to_regprocedure('jejak_align_positions()') IS NOT NULL AS present`);
  if (!rows[0].present) return null;
  const { rows: moved } = await db.query('SELECT jejak_align_positions() AS "offset"');
  return moved[0].offset === null ? null : Number(moved[0].offset);
}
