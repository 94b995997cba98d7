import type { EntrepreneurEvent } from '../events/entrepreneur.events';
import type { EntrepreneurCommand } from './entrepreneur.commands';
import { type EntrepreneurState, initialState } from './entrepreneur.state';
import { evolve } from './entrepreneur.evolve';
import { type DecisionContext, policyOf } from '../policy/decision-context';
import { assignCaseworker, correctProfile, erasePersonalData, register } from './decisions/registration.decisions';
import { recordGrant, recordTraining } from './decisions/milestone.decisions';
import { recordMonitoringVisit } from './decisions/monitoring.decisions';
import { graduate, withdraw } from './decisions/closing.decisions';
import { liftProcessingRestriction, restrictProcessing } from './decisions/restriction.decisions';
import { assertValidNow } from '../shared/checks';

/**
 * The entrepreneur journey as a decider: decide(command, state, context) -> events. It throws a
 * DomainError when a rule refuses the command, and returns [] when the command already took effect
 * (a retried assignment, a repeated erasure or restriction), so a retry never appends twice.
 */
export function decide(command: EntrepreneurCommand, state: EntrepreneurState, context: DecisionContext = {}): EntrepreneurEvent[] {
  assertValidNow(command.now);
  switch (command.type) {
    case 'RegisterEntrepreneur':
      return register(command, state, context);
    case 'RecordTraining':
      return recordTraining(command, state);
    case 'RecordGrant':
      return recordGrant(command, state);
    case 'RecordMonitoringVisit':
      return recordMonitoringVisit(command, state);
    case 'GraduateToLanjutan':
      return graduate(command, state, policyOf(context).graduation);
    case 'Withdraw':
      return withdraw(command, state);
    case 'CorrectProfile':
      return correctProfile(command, state, context);
    case 'AssignCaseworker':
      return assignCaseworker(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
    case 'RestrictProcessing':
      return restrictProcessing(command, state);
    case 'LiftProcessingRestriction':
      return liftProcessingRestriction(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

export { evolve, initialState };

export const entrepreneurDecider = { decide, evolve, initialState } as const;
