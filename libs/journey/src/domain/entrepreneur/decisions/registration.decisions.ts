import type { EntrepreneurEvent, ProfileFields, Registered } from '../../events/entrepreneur.events';
import type { AssignCaseworker, CorrectProfile, ErasePersonalData, RegisterEntrepreneur } from '../entrepreneur.commands';
import type { EntrepreneurState } from '../entrepreneur.state';
import { type DecisionContext, regionsOf } from '../../policy/decision-context';
import { requireNotRestricted, requireProcessable, requireRegistered } from '../entrepreneur.guards';
import { checkProfileFields } from './profile-input.checks';
import { assertNik } from '../../identity/nik';
import { assertNotBefore, assertPastDate, assertText, conflict, ifPresent } from '../../shared/checks';
import { InvalidDataError } from '../../shared/domain-error';
import { ErrorCode } from '../../shared/error-codes';
import { earliestIndonesianDate, yearOf } from '../../shared/dates';
import { defined } from '../../shared/objects';

export function register(command: RegisterEntrepreneur, state: EntrepreneurState, context: DecisionContext): EntrepreneurEvent[] {
  if (state.status !== 'unregistered') conflict(ErrorCode.ALREADY_REGISTERED, 'this entrepreneur is already registered');
  const { entrepreneurId, now, nik, fullName, birthDate, sex, regionCode, registeredOn = earliestIndonesianDate(now) } = command;
  assertText('fullName', fullName);
  assertPastDate('birthDate', birthDate, now);
  assertText('regionCode', regionCode);
  const region = checkProfileFields(command, now, () => regionsOf(context));
  const nikFacts = assertNik(nik, { sex, birthDate });
  assertPastDate('registeredOn', registeredOn, now);
  assertNotBefore('registeredOn', registeredOn, 'birthDate', birthDate);
  const data: Registered['data'] = {
    entrepreneurId, nik, fullName, birthDate, sex, regionCode, registeredOn,
    ...defined({ phone: command.phone, address: command.address, education: command.education, employmentStatus: command.employmentStatus, businessIdea: command.businessIdea }),
    birthYear: yearOf(birthDate),
    kecamatanCode: region!.districtCode,
    nikRegionKnown: regionsOf(context).isKnown(nikFacts.regionCode),
  };
  return [{ type: 'Registered', data }];
}

const CORRECTABLE = ['fullName', 'birthDate', 'sex', 'regionCode', 'phone', 'address', 'education', 'employmentStatus', 'businessIdea'] as const;

/** Only fields that really change go into the event; a correction that changes nothing took effect already. */
export function correctProfile(command: CorrectProfile, state: EntrepreneurState, context: DecisionContext): EntrepreneurEvent[] {
  requireProcessable(state);
  if (state.personal.erased) return [];
  const given = defined(Object.fromEntries(CORRECTABLE.map((f) => [f, command[f]])) as Partial<ProfileFields>);
  if (Object.keys(given).length === 0)
    throw new InvalidDataError(ErrorCode.NOTHING_TO_CORRECT, 'a correction names at least one registration field besides reason');
  assertText('reason', command.reason);
  const region = checkProfileFields(given, command.now, () => regionsOf(context));
  const current: Partial<ProfileFields> = { ...state.personal, ...state.demographics };
  const changed = defined(Object.fromEntries(CORRECTABLE.map((f) => [f, given[f] !== current[f] ? given[f] : undefined])) as Partial<ProfileFields>);
  if (Object.keys(changed).length === 0) return [];
  if (changed.sex !== undefined || changed.birthDate !== undefined)
    assertNik(state.personal.nik, { sex: given.sex ?? state.demographics.sex, birthDate: given.birthDate ?? state.personal.birthDate });
  const kecamatanCode = region && region.districtCode !== state.demographics.kecamatanCode ? region.districtCode : undefined;
  const birthYear = changed.birthDate !== undefined ? yearOf(changed.birthDate) : undefined;
  return [{
    type: 'ProfileCorrected',
    data: { entrepreneurId: command.entrepreneurId, ...changed, ...defined({ birthYear: birthYear !== state.demographics.birthYear ? birthYear : undefined, kecamatanCode }), reason: command.reason },
  }];
}

export function assignCaseworker(command: AssignCaseworker, state: EntrepreneurState): EntrepreneurEvent[] {
  requireRegistered(state);
  requireNotRestricted(state);
  assertText('caseworkerId', command.caseworkerId);
  if (state.caseworkerId === command.caseworkerId) return [];
  return [{
    type: 'CaseworkerAssigned',
    data: { entrepreneurId: command.entrepreneurId, caseworkerId: command.caseworkerId, ...defined({ previousCaseworkerId: state.caseworkerId }) },
  }];
}

export function erasePersonalData(command: ErasePersonalData, state: EntrepreneurState): EntrepreneurEvent[] {
  requireRegistered(state);
  if (state.personal.erased) return [];
  assertText('reason', command.reason);
  ifPresent(command.requestReference, (v) => assertText('requestReference', v));
  return [{
    type: 'PersonalDataErased',
    data: { entrepreneurId: command.entrepreneurId, reason: command.reason, ...defined({ requestReference: command.requestReference }) },
  }];
}
