import type { RecordedEvent, StreamVerification } from '../event-store.port';
import { chainHash } from './event-hash';

/**
 * Recomputes a stream's chain as stored (never upcast), like PostgreSQL's verifyStream: the n-th
 * event must have version n and the hash of its predecessor's stored hash and its own canonical
 * form. KurrentDB revisions are write-once and never restart, so a rewritten stream always breaks
 * at its first rewritten event, whatever hashes the rewriter computed.
 */
export function verifyChain(streamId: string, events: RecordedEvent[]): StreamVerification {
  let previous: string | null = null;
  let firstBrokenVersion: number | null = null;
  events.forEach((e, i) => {
    const ok = e.streamVersion === i + 1 && e.hash === chainHash(previous, e);
    if (!ok && firstBrokenVersion === null) firstBrokenVersion = e.streamVersion;
    previous = e.hash;
  });
  return {
    streamId,
    valid: firstBrokenVersion === null,
    checkedEvents: events.length,
    firstBrokenVersion,
    headHash: events.length ? events[events.length - 1].hash : null,
  };
}
