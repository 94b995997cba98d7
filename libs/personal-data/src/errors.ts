import type { OperatorFixable } from '@jejak/platform';
/** Typed errors with stable codes, mapped to problem responses by the API layer. */
export abstract class PersonalDataError extends Error {
  abstract readonly code: string;
}

/** Personal data cannot be written for a person whose key was destroyed. */
export class SubjectErasedError extends PersonalDataError {
  readonly code = 'PERSONAL_DATA.ERASED';
  // the problem filter maps the kind to 409: the case's history (an erasure) forbids the write
  readonly kind = 'conflict';
  constructor(readonly subjectId: string) {
    super(`the personal data key of ${subjectId} was destroyed; nothing personal can be recorded for them`);
  }
}

/** Sealed data whose key row does not exist: data loss or a foreign database, never normal. */
export class DataKeyMissingError extends PersonalDataError {
  readonly code = 'PERSONAL_DATA.KEY_MISSING';
  constructor(readonly subjectId: string) {
    super(`no personal data key exists for ${subjectId}`);
  }
}

/**
 * The database was filled under another key than this process holds: the operator has the right
 * key to put back (start-up prints the message alone, OperatorFixable).
 */
abstract class KeyMismatchError extends PersonalDataError implements OperatorFixable {
  readonly operatorFixable = true;
  constructor(
    readonly expected: string[],
    readonly actual: string,
    message: string,
  ) {
    super(message);
  }
}

/** The database's keys are wrapped by another master key than this process holds. */
export class MasterKeyMismatchError extends KeyMismatchError {
  readonly code = 'PERSONAL_DATA.MASTER_KEY_MISMATCH';
  constructor(expected: string[], actual: string) {
    super(
      expected,
      actual,
      `this database's personal data is protected by master key ${expected.join(', ')}, but this process has ${actual}: ` +
        'set JEJAK_MASTER_KEY (or restore <JEJAK_DATA_DIR>/keys/master.key) to the key the database was created with',
    );
  }
}

/**
 * The NIK uniqueness claims were made with another HMAC key: with this one, a NIK registered
 * before would hash differently and could register a second time.
 */
export class NikKeyMismatchError extends KeyMismatchError {
  readonly code = 'PERSONAL_DATA.NIK_KEY_MISMATCH';
  constructor(expected: string[], actual: string) {
    super(
      expected,
      actual,
      `this database's NIK registrations were made with NIK HMAC key ${expected.join(', ')}, but this process has ${actual}: ` +
        'set JEJAK_NIK_HMAC_KEY to the key the database was created with (or unset it if that key was derived from the master key); ' +
        'with another key a NIK already registered could register again',
    );
  }
}

export class InvalidSubjectIdError extends PersonalDataError {
  readonly code = 'PERSONAL_DATA.INVALID_SUBJECT';
  constructor(subjectId: string) {
    super(`a personal data subject id must be a uuid, got "${String(subjectId).slice(0, 40)}"`);
  }
}
