import type { EntrepreneurEvent } from '../../events/entrepreneur.events';
import type { GraduateToLanjutan, Withdraw } from '../entrepreneur.commands';
import type { EntrepreneurState, RegisteredState } from '../entrepreneur.state';
import { pemulaGrant } from '../entrepreneur.state';
import { requireNotGraduated, requireOpenCase, requireProcessable } from '../entrepreneur.guards';
import { lanjutanEligibility } from '../lanjutan-eligibility';
import type { GraduationPolicy } from '../../policy/journey-policy';
import { assertNotBefore, assertPastDate, assertText, conflict, ifPresent } from '../../shared/checks';
import { NotEligibleError } from '../../shared/domain-error';
import { ErrorCode } from '../../shared/error-codes';
import { type IsoDate, latest } from '../../shared/dates';
import { defined } from '../../shared/objects';

/** Graduation is judged on the visits known up to the graduation date, by the configured policy. */
export function graduate(command: GraduateToLanjutan, state: EntrepreneurState, policy: GraduationPolicy): EntrepreneurEvent[] {
  requireOpenCase(state);
  const { entrepreneurId, now, graduatedOn } = command;
  assertPastDate('graduatedOn', graduatedOn, now);
  ifPresent(command.basis, (v) => assertText('basis', v));
  if (state.status === 'graduated') {
    if (state.graduatedOn === graduatedOn) return [];
    conflict(ErrorCode.ALREADY_GRADUATED, `the entrepreneur already graduated on ${state.graduatedOn}`, undefined, { on: state.graduatedOn });
  }
  const grant = pemulaGrant(state);
  if (grant) assertNotBefore('graduatedOn', graduatedOn, 'pemulaGrant', grant.receivedOn);
  const eligibility = lanjutanEligibility(state, policy, graduatedOn);
  if (!eligibility.eligible) throw new NotEligibleError(eligibility.gaps);
  return [{ type: 'GraduatedToLanjutan', data: { entrepreneurId, graduatedOn, ...defined({ basis: command.basis }) } }];
}

/**
 * Withdrawal ends an active case. A graduate has finished the programme rather than left it,
 * and a withdrawal dated before something the case already records would contradict history.
 */
export function withdraw(command: Withdraw, state: EntrepreneurState): EntrepreneurEvent[] {
  requireProcessable(state);
  requireNotGraduated(state);
  const { entrepreneurId, now, withdrawnOn, reason } = command;
  assertPastDate('withdrawnOn', withdrawnOn, now);
  assertText('reason', reason);
  if (state.status === 'withdrawn') {
    if (state.withdrawnOn === withdrawnOn) return [];
    conflict(ErrorCode.WITHDRAWN, `the entrepreneur already withdrew on ${state.withdrawnOn}`, undefined, { on: state.withdrawnOn });
  }
  assertNotBefore('withdrawnOn', withdrawnOn, 'latestMilestone', latestMilestone(state));
  return [{ type: 'Withdrawn', data: { entrepreneurId, withdrawnOn, reason } }];
}

export function latestMilestone(state: RegisteredState): IsoDate {
  const dates = [
    state.registeredOn,
    ...state.trainings.map((t) => t.completedOn),
    ...state.grants.map((g) => g.receivedOn),
    ...state.visits.map((v) => v.visitedOn),
  ];
  return latest(dates) ?? state.registeredOn;
}
