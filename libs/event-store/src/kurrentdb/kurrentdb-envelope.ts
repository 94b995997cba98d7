import type { EventData, JSONType, Position, RegexFilter } from '@kurrent/kurrentdb-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';

/**
 * How a Jejak event sits in KurrentDB. The event's own id, type and JSON data map one to one; the
 * rest of the envelope goes into the event's metadata as string values only, because KurrentDB's
 * multi-stream append (25.1) accepts nothing else, and one shape must serve both write paths.
 * `$correlationId` / `$causationId` are KurrentDB's own conventions (its by-correlation projection).
 */
export const ENVELOPE = {
  schemaVersion: 'jejak-schema-version',
  recordedAt: 'jejak-recorded-at',
  hash: 'jejak-hash',
  metadata: 'jejak-metadata',
} as const;

export type EnvelopeMetadata = Record<string, string>;

/** What the store stamps on each event before writing: KurrentDB cannot compute it server-side. */
export interface Stamp {
  hash: string;
  recordedAt: Date;
}

export function toEventData(e: NewEvent, stamp: Stamp): EventData {
  const metadata: EnvelopeMetadata = {
    [ENVELOPE.schemaVersion]: String(e.schemaVersion),
    [ENVELOPE.recordedAt]: stamp.recordedAt.toISOString(),
    [ENVELOPE.hash]: stamp.hash,
    [ENVELOPE.metadata]: JSON.stringify(e.metadata),
    $correlationId: String(e.metadata.correlationId),
    $causationId: String(e.metadata.causationId),
  };
  return { id: e.id, contentType: 'application/json', type: e.type, data: e.data as JSONType, metadata };
}

/** The part of the client's recorded event the store reads (a structural type, so tests need no server). */
export interface KurrentRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export class ForeignEventError extends Error {
  constructor(r: KurrentRecord, missing: string) {
    super(`event ${r.id} in ${r.streamId} was not written by Jejak (no ${missing} in its metadata)`);
  }
}

/** A recorded KurrentDB event as the port's RecordedEvent (before upcasting). */
export function fromRecord(r: KurrentRecord): RecordedEvent {
  const m = (r.metadata ?? {}) as Partial<EnvelopeMetadata>;
  const field = (key: string): string => {
    const v = m[key];
    if (typeof v !== 'string') throw new ForeignEventError(r, key);
    return v;
  };
  return {
    id: r.id,
    type: r.type,
    schemaVersion: Number(field(ENVELOPE.schemaVersion)),
    data: r.data,
    metadata: JSON.parse(field(ENVELOPE.metadata)) as EventMetadata,
    streamId: r.streamId,
    streamVersion: versionOfRevision(r.revision),
    globalPosition: toGlobalPosition(r.position, r.id),
    recordedAt: new Date(field(ENVELOPE.recordedAt)),
    hash: field(ENVELOPE.hash),
  };
}

/** Stream versions count from 1, KurrentDB revisions from 0. */
export function versionOfRevision(revision: bigint): number {
  return Number(revision) + 1;
}

/**
 * The port's global position is KurrentDB's commit position. Every event written by an append
 * (single- or multi-stream) is its own committed record, so its commit and prepare positions are
 * equal and one number addresses it exactly. Events from the removed explicit transactions (TCP
 * clients before v24) have two different parts and no single-number address: refused loudly
 * rather than risking a reader skipping them. Byte offsets stay exact in a double up to 8 PiB of log.
 */
export function toGlobalPosition(p: Position | undefined, eventId: string): number {
  if (!p) throw new Error(`event ${eventId} came without a $all position (KurrentDB 22.6 or later is required)`);
  if (p.commit !== p.prepare) throw new Error(`event ${eventId} was written in an explicit transaction (commit ${p.commit} != prepare ${p.prepare}); Jejak cannot address it`);
  return safeNumber(p.commit);
}

export function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < 0n) throw new RangeError(`KurrentDB position ${n} is beyond 2^53: the port's number cannot hold it exactly`);
  return Number(n);
}

/** Where a forward $all read must start to return the events after `after` (the server's bound is inclusive). */
export function readPositionAfter(after: number): 'start' | Position {
  if (after <= 0) return 'start';
  return { commit: BigInt(after), prepare: BigInt(after) };
}

/**
 * Only Jejak's events in $all: domain event types are PascalCase (stream-id.ts), so KurrentDB's
 * system events (`$`-types, links) and the claim events are filtered out on the server.
 */
export const jejakEventsFilter = (): RegexFilter => ({ filterOn: 'eventType', regex: '^[A-Z][A-Za-z0-9]*$', checkpointInterval: 1 });
