import type { RecordedEvent } from '@jejak/event-store';
import type { RecordedRead } from '@jejak/personal-data';

/** A write to the person's case: an event of their stream, without its data. */
export interface TrailWrite {
  kind: 'write';
  at: string;
  actor: { id: string; role: string };
  correlationId: string;
  eventType: string;
  version: number;
}

/** A response that showed the person's personal fields. */
export interface TrailRead {
  kind: 'read';
  at: string;
  actor: { id: string; role: string };
  correlationId: string;
  purpose: string;
}

export type TrailItem = TrailWrite | TrailRead;

/** How far a page went: the last write (stream version) and the last read it included. */
export interface TrailPosition {
  writeVersion: number;
  read?: { readAt: Date; readId: number };
}

export const TRAIL_START: TrailPosition = { writeVersion: 0 };

/** An event of the person's stream as the trail needs it: never its data. */
export type StreamWrite = Pick<RecordedEvent, 'streamVersion' | 'type' | 'recordedAt' | 'metadata'>;

/**
 * One page of the merged trail in time order (a write before a read of the same millisecond).
 * `writes` are the stream's writes after the position, `reads` up to limit+1 reads after it;
 * `next` is null when neither has anything left past this page.
 */
export function trailPage(writes: readonly StreamWrite[], reads: readonly RecordedRead[], limit: number, from: TrailPosition): { items: TrailItem[]; next: TrailPosition | null } {
  const items: TrailItem[] = [];
  let position = from;
  let w = 0;
  let r = 0;
  while (items.length < limit && (w < writes.length || r < reads.length)) {
    const write = writes[w];
    const read = reads[r];
    if (write !== undefined && (read === undefined || write.recordedAt.getTime() <= read.readAt.getTime())) {
      items.push(writeItem(write));
      position = { ...position, writeVersion: write.streamVersion };
      w++;
    } else {
      items.push(readItem(read));
      position = { ...position, read: { readAt: read.readAt, readId: read.readId } };
      r++;
    }
  }
  return { items, next: w < writes.length || r < reads.length ? position : null };
}

function writeItem(e: StreamWrite): TrailWrite {
  const { actorId, actorRole, correlationId } = e.metadata;
  return { kind: 'write', at: e.recordedAt.toISOString(), actor: { id: actorId, role: actorRole }, correlationId, eventType: e.type, version: e.streamVersion };
}

function readItem(e: RecordedRead): TrailRead {
  return { kind: 'read', at: e.readAt.toISOString(), actor: { id: e.actorId, role: e.actorRole }, correlationId: e.correlationId, purpose: e.purpose };
}
