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
  UniqueClaim,
} from '../event-store.port';
import { assertValidEvents, assertValidStreamId } from '../stream-id';
import { UpcasterRegistry } from '../upcasters';
import { AppendListeners, type AppendListener } from '../append-listeners';
import { PollingSubscription } from '../polling-subscription';
import type { PostgresAppendSignal } from './append-signal';
import { GROUP_COMMIT_LIMITS, GroupCommit, type GroupCommitLimits, type Queued } from './group-commit';
import { STREAM_APPEND_LOCK_CLASS } from './migrations/1732600000000-serialise-appends-per-stream';

export interface PostgresEventStoreOptions {
  upcasters?: UpcasterRegistry;
  /** how often an idle subscription looks for events written by other processes */
  pollIntervalMs?: number;
  /**
   * Tells other processes of this store's appends and wakes this store's listeners and
   * subscriptions on theirs (LISTEN/NOTIFY), instead of at their next poll. The store closes it.
   */
  appendSignal?: PostgresAppendSignal;
  /**
   * Group commit (ADR 0012): appends made while others are being written wait for the next
   * transaction and share it, each succeeding or failing on its own. On by default
   * (GROUP_COMMIT_LIMITS); `false` gives every append a transaction of its own.
   */
  groupCommit?: GroupCommitLimits | false;
}

/**
 * `recorded_at` travels as seconds since the epoch (a float8, exact to the microsecond), not as
 * text: pg's timestamptz parser runs a regular expression and builds several strings per row, a
 * visible share of a full rebuild's reading. `recordedAt` keeps what pg made of it: the instant
 * cut to the millisecond (appends record whole milliseconds anyway).
 */
const COLUMNS = `global_position, stream_id, stream_version, event_id, event_type, schema_version,
  data, metadata, date_part('epoch', recorded_at) AS recorded_epoch, encode(hash, 'hex') AS hash`;

/**
 * Only positions of transactions older than every running one: nothing can appear below it later.
 * The offset is the appends' own (0 unless a restore moved it: migrations/1733100000000-position-offset.ts).
 * Audit anchors seal up to the same horizon (audit-anchors.ts).
 */
const SAFE_LIMIT = `(pg_snapshot_xmin(pg_current_snapshot())::text::bigint + jejak_position_offset()) * 1000000`;

/** The position up to which the global order is complete (headPosition); audit anchors seal up to it. */
export const HEAD_POSITION_SQL = `SELECT coalesce(max(global_position), 0) AS p FROM events WHERE global_position < ${SAFE_LIMIT}`;

/**
 * One stream's append with everything that can refuse it worked out (the expected version, the
 * JSON of its events), so a bad append fails its own caller before it can share a transaction.
 */
interface PreparedAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  expected: number;
  events: readonly NewEvent[];
  data: string[];
  metadata: string[];
  claims: readonly UniqueClaim[];
}

function prepareAppend({ streamId, events, options }: StreamAppend): PreparedAppend {
  assertValidStreamId(streamId);
  assertValidEvents(events);
  const claims = options.claims ?? [];
  if (!Array.isArray(claims)) throw new TypeError('claims must be an array');
  return {
    streamId,
    expectedVersion: options.expectedVersion,
    expected: expectedToSql(options.expectedVersion),
    events,
    data: events.map((e) => JSON.stringify(e.data)),
    metadata: events.map((e) => JSON.stringify(e.metadata)),
    claims,
  };
}

/**
 * Several streams' appends as the parameters of jejak_append_many and jejak_append_each: arrays
 * flattened, the i-th stream's events and claims following the counts of the streams before it.
 */
function flattened(appends: readonly PreparedAppend[]): unknown[] {
  const events = appends.flatMap((a) => a.events);
  const claims = appends.flatMap((a) => a.claims);
  return [
    appends.map((a) => a.streamId),
    appends.map((a) => a.expected),
    appends.map((a) => a.events.length),
    events.map((e) => e.id),
    events.map((e) => e.type),
    events.map((e) => e.schemaVersion),
    appends.flatMap((a) => a.data),
    appends.flatMap((a) => a.metadata),
    appends.map((a) => a.claims.length),
    claims.map((c) => c.scope),
    claims.map((c) => c.key),
  ];
}

/**
 * One event, no claims, in one plain statement: what jejak_append's one-statement path does
 * (migration 1733500000000: the same row, position and hash), without the plpgsql call around
 * it, about 40 µs less a command on this machine. Its snapshot is taken before it waits for the
 * stream's lock, so an append to the same stream committed meanwhile is not in the head it reads:
 * it then takes a version already taken, the unique index refuses the row, and the store answers
 * as for any lost race (a wrong expected version, or a retry for "any"). No chain can break. A
 * failed version check inserts nothing and the append goes to jejak_append, which names the version.
 */
const APPEND_ONE_EVENT = `WITH locked AS (SELECT pg_advisory_xact_lock(${STREAM_APPEND_LOCK_CLASS}, hashtext($1)))
  INSERT INTO events (global_position, stream_id, stream_version, event_id, event_type, schema_version,
      data, metadata, recorded_at, hash)
    SELECT (pg_current_xact_id()::text::bigint + jejak_position_offset()) * 1000000 + 1,
      $1, h.v + 1, $3, $4, $5, $6::jsonb, $7::jsonb, t.at,
      sha256(coalesce(h.hash, ''::bytea) || convert_to(concat('[', to_json($1::text), ', ', h.v + 1, ', "', $3::uuid, '", ',
        to_json($4::text), ', ', $5::integer, ', ', $6::jsonb, ', ', $7::jsonb, ', ',
        (extract(epoch FROM t.at) * 1000000)::bigint, ']'), 'UTF8'))
    FROM locked,
      (SELECT coalesce(max(l.stream_version), 0) AS v, (array_agg(l.hash))[1] AS hash
         FROM (SELECT e.stream_version, e.hash FROM events e WHERE e.stream_id = $1
               ORDER BY e.stream_version DESC LIMIT 1) l) h,
      (SELECT date_trunc('milliseconds', clock_timestamp()) AS at) t
    WHERE NOT (($2::bigint >= 0 AND h.v <> $2::bigint) OR ($2::bigint = -2 AND h.v = 0))
    RETURNING stream_version AS out_version, global_position AS out_first, global_position AS out_last, recorded_at AS out_recorded_at`;

/** what jejak_append and its siblings return for one append */
interface AppendedRow {
  out_version: number;
  out_first: string;
  out_last: string;
  out_recorded_at: Date;
}

/** jejak_append_each's row for one append: its result, or what failed it */
type EachRow = { out_item: number } & (
  | (AppendedRow & { out_sqlstate: null })
  | { out_sqlstate: string; out_constraint: string | null; out_detail: string | null }
);

/** what PostgreSQL said about a failed append */
interface AppendFault {
  code?: string;
  constraint?: string;
  detail?: string;
}

function toAppendResult(streamId: string, row: AppendedRow): AppendResult {
  return {
    streamId,
    version: row.out_version,
    firstPosition: Number(row.out_first),
    lastPosition: Number(row.out_last),
    recordedAt: row.out_recorded_at,
  };
}

interface EventRow {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_epoch: number;
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
  private readonly groupCommit: GroupCommit<PreparedAppend, AppendResult> | undefined;

  constructor(
    private readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.appendSignal = options.appendSignal;
    const limits = options.groupCommit ?? GROUP_COMMIT_LIMITS;
    this.groupCommit = limits ? new GroupCommit(limits, (r) => this.appendAlone(r), (q) => this.appendTogether(q)) : undefined;
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const request = prepareAppend({ streamId, events, options });
    return this.groupCommit ? this.groupCommit.submit(request) : this.appendAlone(request);
  }

  /** one append in a transaction of its own */
  private async appendAlone(request: PreparedAppend): Promise<AppendResult> {
    const { streamId, events, claims } = request;
    const single = events.length === 1 && claims.length === 0;
    for (;;) {
      try {
        const row = (single ? await this.appendOneEvent(request) : undefined) ?? (await this.appendThroughFunction(request));
        const result = toAppendResult(streamId, row);
        this.tellAppended(result.lastPosition);
        return result;
      } catch (err) {
        const mapped = await this.mapAppendError(err, streamId, request.expectedVersion);
        if (mapped === 'retry') continue;
        throw mapped;
      }
    }
  }

  /** jejak_append: any append, and the one that names the version when a check fails */
  private async appendThroughFunction({ streamId, expected, events, data, metadata, claims }: PreparedAppend): Promise<AppendedRow> {
    const { rows } = await this.query<AppendedRow>(
      `SELECT out_version, out_first, out_last, out_recorded_at FROM jejak_append($1, $2, $3, $4, $5, $6::jsonb[], $7::jsonb[], $8, $9)`,
      [
        streamId,
        expected,
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        data,
        metadata,
        claims.map((c) => c.scope),
        claims.map((c) => c.key),
      ],
      'jejak_append',
    );
    return rows[0];
  }

  /** APPEND_ONE_EVENT: the appended row, or undefined when the version check refused it */
  private async appendOneEvent({ streamId, expected, events, data, metadata }: PreparedAppend): Promise<AppendedRow | undefined> {
    const [event] = events;
    const { rows } = await this.query<AppendedRow>(APPEND_ONE_EVENT, [streamId, expected, event.id, event.type, event.schemaVersion, data[0], metadata[0]], 'jejak_append_one');
    return rows[0];
  }

  /**
   * Independent appends in one transaction (group commit, ADR 0012): each succeeds or fails on
   * its own, as if alone. The committed ones are told first; then each failure gets its typed
   * error, or runs again alone when it lost a race a retry settles, found its stream held by
   * another transaction, or failed in a way the store has no typed error for (alone, it retries,
   * waits, or throws PostgreSQL's own error).
   */
  private async appendTogether(queued: Queued<PreparedAppend, AppendResult>[]): Promise<void> {
    let rows: EachRow[];
    try {
      ({ rows } = await this.query<EachRow>(
        `SELECT out_item, out_version, out_first, out_last, out_recorded_at, out_sqlstate, out_constraint, out_detail
           FROM jejak_append_each($1, $2, $3, $4, $5, $6, $7::jsonb[], $8::jsonb[], $9, $10, $11)`,
        flattened(queued.map((q) => q.request)),
        'jejak_append_each',
      ));
    } catch (err) {
      // A lost connection leaves the outcome unknown: every append is told so, as it would be alone.
      if (!(err instanceof DatabaseError)) throw err;
      // PostgreSQL refused the statement as a whole (a parameter it cannot take, a timeout), so it
      // wrote nothing: each append runs alone, and only the one at fault fails.
      await Promise.all(queued.map((q) => this.appendAlone(q.request).then(q.resolve, q.reject)));
      return;
    }
    const committed: [Queued<PreparedAppend, AppendResult>, AppendResult][] = [];
    const failed: [Queued<PreparedAppend, AppendResult>, AppendFault][] = [];
    for (const row of rows) {
      const q = queued[row.out_item - 1];
      if (row.out_sqlstate === null) committed.push([q, toAppendResult(q.request.streamId, row)]);
      else failed.push([q, { code: row.out_sqlstate, constraint: row.out_constraint || undefined, detail: row.out_detail || undefined }]);
    }
    if (committed.length > 0) this.tellAppended(Math.max(...committed.map(([, r]) => r.lastPosition)));
    for (const [q, result] of committed) q.resolve(result);
    await Promise.all(
      failed.map(async ([q, fault]) => {
        try {
          const typed = await this.typedAppendError(fault, q.request.streamId, q.request.expectedVersion);
          if (typed instanceof Error) q.reject(typed);
          else q.resolve(await this.appendAlone(q.request));
        } catch (err) {
          q.reject(err);
        }
      }),
    );
  }

  async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    const params = flattened(appends.map(prepareAppend));
    for (;;) {
      try {
        const { rows } = await this.query<AppendedRow & { out_stream: string }>(
          `SELECT out_stream, out_version, out_first, out_last, out_recorded_at
             FROM jejak_append_many($1, $2, $3, $4, $5, $6, $7::jsonb[], $8::jsonb[], $9, $10, $11)`,
          params,
        );
        this.tellAppended(Math.max(...rows.map((r) => Number(r.out_last))));
        return rows.map((r) => toAppendResult(r.out_stream, r));
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
    return (await this.typedAppendError(err, streamId, expected)) ?? err;
  }

  /** the store's typed error for what PostgreSQL reported, 'retry' for a race a retry settles, undefined for anything else */
  private async typedAppendError(fault: AppendFault, streamId: string, expected: ExpectedVersion): Promise<Error | 'retry' | undefined> {
    if (fault.code === 'JJ001') return new WrongExpectedVersionError(streamId, expected, Number(fault.detail));
    if (fault.code !== '23505') return undefined;
    if (fault.constraint === 'unique_claims_pkey') return new UniqueClaimViolationError(/\(scope, key\)=\(([^,]*),/.exec(fault.detail ?? '')?.[1] ?? 'unknown');
    if (fault.constraint === 'events_event_id_key') return new DuplicateEventIdError(/=\(([^)]*)\)/.exec(fault.detail ?? '')?.[1] ?? 'unknown');
    if (fault.constraint === 'events_stream_version_key') {
      // A concurrent append took the same version first.
      if (expected === 'any' || expected === 'stream_exists') return 'retry';
      return new WrongExpectedVersionError(streamId, expected, await this.streamVersion(streamId));
    }
    return undefined;
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
      recordedAt: new Date(Math.trunc(Math.round(r.recorded_epoch * 1e6) / 1000)),
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
