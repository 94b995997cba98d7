import type { EntrepreneurState, GraduatedCase, RegisteredState, WithdrawnCase } from './entrepreneur.state';
import { ConflictError, NotFoundError } from '../shared/domain-error';
import { ErrorCode } from '../shared/error-codes';

/** Guards on the state of the case, shared by the per-command decisions. */

export function requireRegistered(state: EntrepreneurState): asserts state is RegisteredState {
  if (state.status === 'unregistered') throw new NotFoundError(ErrorCode.NOT_FOUND, 'no entrepreneur is registered under this id');
}

/**
 * After erasure the person has withdrawn consent to processing: no new facts about them are
 * recorded (a new fact would need the destroyed key to protect its personal fields).
 */
export function requireNotErased(state: RegisteredState): void {
  if (state.personal.erased) throw new ConflictError(ErrorCode.ERASED, 'the personal data of this entrepreneur was erased; the case is closed to new facts');
}

/**
 * While the person has processing restricted (UU PDP), their data stays stored but no new fact
 * about them is recorded; erasure, a stronger right, and lifting the restriction still are.
 */
export function requireNotRestricted(state: RegisteredState): void {
  if (state.restrictedOn !== undefined)
    throw new ConflictError(ErrorCode.PROCESSING_RESTRICTED, `processing of this entrepreneur's data is restricted since ${state.restrictedOn}`, undefined, { on: state.restrictedOn });
}

export function requireNotWithdrawn(state: RegisteredState): asserts state is Exclude<RegisteredState, WithdrawnCase> {
  if (state.status === 'withdrawn') throw new ConflictError(ErrorCode.WITHDRAWN, `the entrepreneur withdrew on ${state.withdrawnOn}`, undefined, { on: state.withdrawnOn });
}

export function requireNotGraduated(state: RegisteredState): asserts state is Exclude<RegisteredState, GraduatedCase> {
  if (state.status === 'graduated') throw new ConflictError(ErrorCode.ALREADY_GRADUATED, `the entrepreneur graduated to TKM Lanjutan on ${state.graduatedOn}`, undefined, { on: state.graduatedOn });
}

/** A case open to new facts about the person: registered, personal data held, processing not restricted. */
export function requireProcessable(state: EntrepreneurState): asserts state is RegisteredState {
  requireRegistered(state);
  requireNotErased(state);
  requireNotRestricted(state);
}

/** A case still open to journey facts: processable and not withdrawn. */
export function requireOpenCase(state: EntrepreneurState): asserts state is Exclude<RegisteredState, WithdrawnCase> {
  requireProcessable(state);
  requireNotWithdrawn(state);
}
