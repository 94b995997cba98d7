import { createHash } from 'node:crypto';
import type { EventMetadata } from '../event-store.port';
import { jsonbText } from './jsonb-text';

/** What the chain covers of one event: the fields of PostgreSQL's jejak_event_hash. */
export interface HashedEvent {
  streamId: string;
  streamVersion: number;
  id: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: Date;
}

/**
 * The canonical form of docs/adr/0003: the jsonb text of
 * [stream, version, id, type, schema version, data, metadata, recorded-at in microseconds].
 */
export function canonicalEvent(e: HashedEvent): string {
  return jsonbText([e.streamId, e.streamVersion, e.id, e.type, e.schemaVersion, e.data, e.metadata, e.recordedAt.getTime() * 1000]);
}

/** hex sha256(previous hash bytes || canonical event); the first event of a stream has no previous hash. */
export function chainHash(previousHash: string | null, e: HashedEvent): string {
  const h = createHash('sha256');
  if (previousHash) h.update(Buffer.from(previousHash, 'hex'));
  return h.update(canonicalEvent(e), 'utf8').digest('hex');
}
