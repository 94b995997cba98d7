import type { GroupEvent, GroupFormed } from '../events/group.events';
import type { FormGroup, GroupCommand, JoinGroup } from './group.commands';
import { type GroupState, evolveGroup, initialGroupState } from './group.state';
import { type DecisionContext, policyOf, regionsOf } from '../policy/decision-context';
import { assertRegionKnown, assertResidenceRegion } from '../identity/region-code';
import { assertNotBefore, assertOneOf, assertPastDate, assertText, assertValidNow, conflict } from '../shared/checks';
import { NotFoundError } from '../shared/domain-error';
import { ErrorCode } from '../shared/error-codes';
import { earliestIndonesianDate, isBefore } from '../shared/dates';
import { PROGRAMMES } from '../events/vocabulary';

/** The answer for a group id nothing was formed under (also given before a member is looked at). */
export function groupNotFound(): NotFoundError {
  return new NotFoundError(ErrorCode.GROUP_NOT_FOUND, 'no group is formed under this id');
}

/** A kelompok: formed once, joined by distinct people up to the size fixed when it was formed. */
export function decideGroup(command: GroupCommand, state: GroupState, context: DecisionContext = {}): GroupEvent[] {
  assertValidNow(command.now);
  switch (command.type) {
    case 'FormGroup':
      return formGroup(command, state, context);
    case 'JoinGroup':
      return joinGroup(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function formGroup(command: FormGroup, state: GroupState, context: DecisionContext): GroupEvent[] {
  if (state.status === 'formed') conflict(ErrorCode.GROUP_ALREADY_FORMED, 'this group is already formed');
  const { groupId, now, name, regionCode, businessType, programme = 'TKM_PEMULA', formedOn = earliestIndonesianDate(now) } = command;
  assertText('name', name);
  assertText('businessType', businessType);
  assertOneOf('programme', programme, PROGRAMMES);
  const region = assertResidenceRegion('regionCode', regionCode);
  assertRegionKnown('regionCode', regionCode, regionsOf(context).isKnown(regionCode));
  assertPastDate('formedOn', formedOn, now);
  const data: GroupFormed['data'] = {
    groupId, name, regionCode, kecamatanCode: region.districtCode, businessType, programme, formedOn,
    maxMembers: policyOf(context).group.maxMembers,
  };
  return [{ type: 'GroupFormed', data }];
}

function joinGroup(command: JoinGroup, state: GroupState): GroupEvent[] {
  if (state.status === 'unformed') throw groupNotFound();
  const { groupId, now, entrepreneurId, joinedOn = earliestIndonesianDate(now) } = command;
  assertText('entrepreneurId', entrepreneurId);
  if (state.members.includes(entrepreneurId)) return [];
  assertPastDate('joinedOn', joinedOn, now);
  assertNotBefore('joinedOn', joinedOn, 'groupFormed', state.formedOn);
  // a kelompok is formed of people in the programme: not one who left it, nor one closed to new facts
  const { member } = command;
  if (member.erased) conflict(ErrorCode.ERASED, 'the personal data of this entrepreneur was erased; the case is closed to new facts', 'entrepreneurId');
  // a membership is a new fact about the person, which a restriction of processing holds back
  if (member.restrictedOn !== undefined)
    conflict(ErrorCode.PROCESSING_RESTRICTED, `processing of this entrepreneur's data is restricted since ${member.restrictedOn}`, 'entrepreneurId', { on: member.restrictedOn });
  // a membership dated before the withdrawal is a true fact, entered late; one on or after it is not
  if (member.withdrawnOn !== undefined && !isBefore(joinedOn, member.withdrawnOn))
    conflict(ErrorCode.WITHDRAWN, `the entrepreneur withdrew on ${member.withdrawnOn}`, 'entrepreneurId', { on: member.withdrawnOn });
  // a TKM Pemula kelompok is for starters: one who graduated to TKM Lanjutan has moved on (a
  // membership dated before the graduation is a true fact, entered late)
  if (state.programme === 'TKM_PEMULA' && member.graduatedOn !== undefined && !isBefore(joinedOn, member.graduatedOn))
    conflict(ErrorCode.ALREADY_GRADUATED, `the entrepreneur graduated to TKM Lanjutan on ${member.graduatedOn}; a TKM Pemula group is for starters`, 'entrepreneurId', { on: member.graduatedOn });
  assertNotBefore('joinedOn', joinedOn, 'registration', member.registeredOn);
  if (state.members.length >= state.maxMembers)
    conflict(ErrorCode.GROUP_FULL, `the group already has its ${state.maxMembers} members`, 'entrepreneurId', { maxMembers: state.maxMembers });
  return [{ type: 'MemberJoined', data: { groupId, entrepreneurId, joinedOn } }];
}

export { evolveGroup, initialGroupState };

export const groupDecider = { decide: decideGroup, evolve: evolveGroup, initialState: initialGroupState } as const;
