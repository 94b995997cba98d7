import { createHash, randomUUID } from 'node:crypto';
import type { AppendStreamRequest } from '@kurrent/kurrentdb-client';
import type { UniqueClaim } from '../event-store.port';

/**
 * A unique claim in KurrentDB is a stream of its own, written with expected state no_stream in
 * the same multi-stream append as the events: a second claim on the same key conflicts on that
 * stream and the whole append is refused. The key (e.g. the HMAC of a NIK) is hashed into the
 * name; the `jejak.` prefix cannot be a Jejak stream id (stream-id.ts), so claims never collide
 * with domain streams, and their event type is not PascalCase, so readers of $all never see them.
 */
export const CLAIM_EVENT_TYPE = 'jejak.UniqueClaimed';

export function claimStreamName(claim: UniqueClaim): string {
  const key = createHash('sha256').update(claim.key, 'utf8').digest('hex');
  return `jejak.claim-${encodeURIComponent(claim.scope)}-${key}`;
}

export function claimAppend(claim: UniqueClaim, claimedBy: string): AppendStreamRequest {
  return {
    streamName: claimStreamName(claim),
    expectedState: 'no_stream',
    events: [{ id: randomUUID(), contentType: 'application/json', type: CLAIM_EVENT_TYPE, data: { scope: claim.scope, streamId: claimedBy }, metadata: undefined }],
  };
}
