import type { AppendStreamState, CurrentStreamState } from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError } from '../errors';
import type { ExpectedVersion } from '../event-store.port';

/**
 * Every append states the exact revision it read, even when the caller said `any` or
 * `stream_exists`: the hash chain is computed from the head the store saw, so a write on any
 * other head would chain to the wrong hash.
 */
export function exactState(headVersion: number): AppendStreamState {
  return headVersion === 0 ? 'no_stream' : BigInt(headVersion - 1);
}

/** The caller's expectation checked against the head the store read; a mismatch is the typed conflict. */
export function checkExpected(streamId: string, expected: ExpectedVersion, headVersion: number): void {
  if (expected === 'any') return;
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) throw new RangeError(`invalid expected version ${expected}`);
  if (expected === 'stream_exists' ? headVersion > 0 : expected === 'no_stream' ? headVersion === 0 : headVersion === expected) return;
  throw new WrongExpectedVersionError(streamId, expected, headVersion);
}

/** A version from the client's view of a stream: no_stream is 0, revision r is r + 1. */
export function versionOfState(state: CurrentStreamState): number {
  return state === 'no_stream' ? 0 : Number(state) + 1;
}

/** A conflict the server reported is only retried when the caller did not pin a version. */
export function retriesOnConflict(expected: ExpectedVersion): boolean {
  return expected === 'any' || expected === 'stream_exists';
}
