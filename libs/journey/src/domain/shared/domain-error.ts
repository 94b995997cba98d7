import { ErrorCode } from './error-codes';

/**
 * Every refused command throws a DomainError. `code` is a stable contract (clients and the
 * problem+json filter key on it); `kind` lets the API choose the status without a table of
 * codes: 409 (the case's history forbids it), 422 (the data itself is wrong), 404 (no such case).
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'not_found';

/**
 * The specifics a message names besides the field (a date, the allowed values), as data: the API
 * names them in the caller's language too (libs/journey/src/problem-texts/journey.problem-texts.ts).
 */
export type ErrorParams = Readonly<Record<string, string | number | readonly string[]>>;

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  params?: ErrorParams;
}

export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  /** all the issues found, when one check finds several (e.g. a NIK with a bad date and serial) */
  readonly issues: readonly FieldIssue[];

  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind,
    readonly field?: string,
    issues?: readonly FieldIssue[],
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.issues = issues ?? (field ? [{ field, code, message, params }] : []);
  }
}

/** The command conflicts with what already happened in the case (HTTP 409). */
export class ConflictError extends DomainError {
  override readonly name: string = 'ConflictError';
  constructor(code: string, message: string, field?: string, params?: ErrorParams) {
    super(code, message, 'conflict', field, undefined, params);
  }
}

/** The command's data is wrong whatever the state of the case (HTTP 422). */
export class InvalidDataError extends DomainError {
  override readonly name: string = 'InvalidDataError';
  constructor(code: string, message: string, field?: string, issues?: readonly FieldIssue[], params?: ErrorParams) {
    super(code, message, 'invalid', field, issues, params);
  }
}

/** The command addresses a case or group that was never created (HTTP 404). */
export class NotFoundError extends DomainError {
  override readonly name: string = 'NotFoundError';
  constructor(code: string, message: string, params?: ErrorParams) {
    super(code, message, 'not_found', undefined, undefined, params);
  }
}

/** Thrown by graduation when the policy is not met; `reasons` says which parts failed. */
export class NotEligibleError extends DomainError {
  override readonly name: string = 'NotEligibleError';
  constructor(readonly reasons: readonly string[]) {
    super(ErrorCode.NOT_ELIGIBLE_FOR_LANJUTAN, `not eligible for TKM Lanjutan: ${reasons.join(', ')}`, 'conflict');
  }
}
