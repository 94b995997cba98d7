import type { EntrepreneurEvent } from '../../events/entrepreneur.events';
import type { LiftProcessingRestriction, RestrictProcessing } from '../entrepreneur.commands';
import type { EntrepreneurState } from '../entrepreneur.state';
import { requireNotErased, requireRegistered } from '../entrepreneur.guards';
import { assertNotBefore, assertPastDate, assertText, ifPresent } from '../../shared/checks';
import { earliestIndonesianDate } from '../../shared/dates';
import { defined } from '../../shared/objects';

/**
 * The person's right to restriction (UU PDP). Like erasure, a repeated request took effect
 * already: restricting a restricted case keeps the first date and appends nothing, and so does
 * lifting a restriction that is not in force. Any case with its data still held may be restricted,
 * a withdrawn or graduated one too; an erased one holds nothing left to restrict.
 */
export function restrictProcessing(command: RestrictProcessing, state: EntrepreneurState): EntrepreneurEvent[] {
  requireRegistered(state);
  requireNotErased(state);
  if (state.restrictedOn !== undefined) return [];
  const { entrepreneurId, now, restrictedOn = earliestIndonesianDate(now) } = command;
  assertText('reason', command.reason);
  ifPresent(command.requestReference, (v) => assertText('requestReference', v));
  assertPastDate('restrictedOn', restrictedOn, now);
  assertNotBefore('restrictedOn', restrictedOn, 'registration', state.registeredOn);
  return [{ type: 'ProcessingRestricted', data: { entrepreneurId, restrictedOn, ...defined({ requestReference: command.requestReference }) } }];
}

export function liftProcessingRestriction(command: LiftProcessingRestriction, state: EntrepreneurState): EntrepreneurEvent[] {
  requireRegistered(state);
  requireNotErased(state);
  if (state.restrictedOn === undefined) return [];
  const { entrepreneurId, now, liftedOn = earliestIndonesianDate(now) } = command;
  assertText('reason', command.reason);
  assertPastDate('liftedOn', liftedOn, now);
  assertNotBefore('liftedOn', liftedOn, 'restriction', state.restrictedOn);
  return [{ type: 'ProcessingRestrictionLifted', data: { entrepreneurId, liftedOn } }];
}
