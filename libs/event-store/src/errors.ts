import type { ExpectedVersion } from './event-store.port';

/** Base of the store's typed errors; `code` is stable and mapped to HTTP problems by the API layer. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'STREAM.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
  }
}

export class UniqueClaimViolationError extends EventStoreError {
  readonly code = 'STREAM.UNIQUE_CLAIM_VIOLATED';
  constructor(readonly scope: string) {
    super(`the unique claim in scope "${scope}" is already held by another stream`);
  }
}

export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'STREAM.DUPLICATE_EVENT_ID';
  constructor(readonly eventId: string) {
    super(`an event with id ${eventId} is already stored`);
  }
}

export class InvalidAppendError extends EventStoreError {
  readonly code = 'STREAM.INVALID_APPEND';
}

export class InvalidStreamIdError extends EventStoreError {
  readonly code = 'STREAM.INVALID_ID';
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super(`invalid stream id "${streamId.slice(0, 80)}": ${reason}`);
  }
}

/** No audit anchor with that number has been sealed (the API answers 404). */
export class AuditAnchorNotFoundError extends EventStoreError {
  readonly code = 'AUDIT.ANCHOR_NOT_FOUND';
  readonly kind = 'not_found';
  constructor(readonly anchorNumber: number) {
    super(`no audit anchor ${anchorNumber} has been sealed`);
  }
}
