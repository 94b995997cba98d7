import type { EntrepreneurEvent, GrantReceived, Trained } from '../../events/entrepreneur.events';
import type { GrantGroup, RecordGrant, RecordTraining } from '../entrepreneur.commands';
import type { EntrepreneurState, GrantFact, RegisteredState } from '../entrepreneur.state';
import { pemulaGrant } from '../entrepreneur.state';
import { requireOpenCase } from '../entrepreneur.guards';
import { groupNotFound } from '../../group/group.decider';
import {
  assertBoolean, assertNotBefore, assertOneOf, assertPastDate, assertPositiveAmount, assertPositiveInteger, assertText, conflict, ifPresent,
} from '../../shared/checks';
import { ErrorCode } from '../../shared/error-codes';
import { earliest, isBefore } from '../../shared/dates';
import { defined } from '../../shared/objects';
import { FUNDING_SOURCES, GRANT_FORMS, PROGRAMMES, TRAINING_KINDS } from '../../events/vocabulary';

export function recordTraining(command: RecordTraining, state: EntrepreneurState): EntrepreneurEvent[] {
  requireOpenCase(state);
  const { entrepreneurId, now, title, provider, kind, startedOn, completedOn } = command;
  assertText('title', title);
  assertText('provider', provider);
  assertOneOf('kind', kind, TRAINING_KINDS);
  assertPastDate('startedOn', startedOn, now);
  assertPastDate('completedOn', completedOn, now);
  assertNotBefore('completedOn', completedOn, 'startedOn', startedOn);
  assertNotBefore('startedOn', startedOn, 'registration', state.registeredOn);
  ifPresent(command.hours, (v) => assertPositiveInteger('hours', v));
  ifPresent(command.certified, (v) => assertBoolean('certified', v));
  ifPresent(command.certificateNumber, (v) => assertText('certificateNumber', v));
  const same = state.trainings.some((t) => t.title === title && t.provider === provider && t.kind === kind && t.startedOn === startedOn && t.completedOn === completedOn);
  if (same) return [];
  const data: Trained['data'] = {
    entrepreneurId, title, provider, kind, startedOn, completedOn,
    ...defined({ hours: command.hours, certified: command.certified, certificateNumber: command.certificateNumber }),
  };
  return [{ type: 'Trained', data }];
}

export function recordGrant(command: RecordGrant, state: EntrepreneurState): EntrepreneurEvent[] {
  requireOpenCase(state);
  const { entrepreneurId, now, programme, amount, form, receivedOn, fundingSource } = command;
  assertOneOf('programme', programme, PROGRAMMES);
  assertPositiveAmount('amount', amount);
  assertOneOf('form', form, GRANT_FORMS);
  assertOneOf('fundingSource', fundingSource, FUNDING_SOURCES);
  assertPastDate('receivedOn', receivedOn, now);
  ifPresent(command.groupId, (v) => assertText('groupId', v));
  ifPresent(command.decreeNumber, (v) => assertText('decreeNumber', v));
  const fact: GrantFact = { programme, amount, form, receivedOn, fundingSource, ...defined({ groupId: command.groupId, decreeNumber: command.decreeNumber }) };
  if (state.grants.some((g) => sameGrant(g, fact))) return [];
  assertNotBefore('receivedOn', receivedOn, 'registration', state.registeredOn);
  if (command.groupId !== undefined) checkGroupMember(command.group, receivedOn);
  if (programme === 'TKM_PEMULA') checkPemulaGrant(state, receivedOn);
  if (programme === 'TKM_LANJUTAN') checkLanjutanGrant(state, receivedOn);
  const data: GrantReceived['data'] = { entrepreneurId, ...fact };
  return [{ type: 'GrantReceived', data }];
}

/**
 * The grant goes to the kelompok (domain.md): one that names a kelompok is recorded for a member of
 * it, who had joined by the day it was received.
 */
function checkGroupMember(group: GrantGroup | undefined, receivedOn: string): void {
  if (group && !group.formed) throw groupNotFound();
  const since = group?.memberSince;
  if (since === undefined) conflict(ErrorCode.NOT_A_MEMBER, 'the entrepreneur is not a member of the group the grant names', 'groupId');
  if (isBefore(receivedOn, since))
    conflict(ErrorCode.NOT_A_MEMBER, `the entrepreneur joined the group on ${since}, after the grant was received`, 'groupId', { joinedOn: since });
}

/** One TKM Pemula grant per person, and only once a training is completed (on or before the grant). */
function checkPemulaGrant(state: RegisteredState, receivedOn: string): void {
  const earlier = pemulaGrant(state);
  if (earlier) conflict(ErrorCode.GRANT_ALREADY_RECEIVED, `a TKM Pemula grant was already received on ${earlier.receivedOn}`, 'programme', { programme: 'TKM Pemula', on: earlier.receivedOn });
  const firstCompleted = earliest(state.trainings.map((t) => t.completedOn));
  if (firstCompleted === undefined) conflict(ErrorCode.NOT_TRAINED, 'a TKM Pemula grant needs a completed training first', 'programme');
  assertNotBefore('receivedOn', receivedOn, 'firstCompletedTraining', firstCompleted);
}

/** TKM Lanjutan is the stage after graduation, and like Pemula it is given once. */
function checkLanjutanGrant(state: RegisteredState, receivedOn: string): void {
  if (state.status !== 'graduated') conflict(ErrorCode.NOT_GRADUATED, 'a TKM Lanjutan grant needs graduation to Lanjutan first', 'programme');
  const earlier = state.grants.find((g) => g.programme === 'TKM_LANJUTAN');
  if (earlier) conflict(ErrorCode.GRANT_ALREADY_RECEIVED, `a TKM Lanjutan grant was already received on ${earlier.receivedOn}`, 'programme', { programme: 'TKM Lanjutan', on: earlier.receivedOn });
  assertNotBefore('receivedOn', receivedOn, 'graduation', state.graduatedOn);
}

function sameGrant(a: GrantFact, b: GrantFact): boolean {
  return a.programme === b.programme && a.amount === b.amount && a.form === b.form && a.receivedOn === b.receivedOn
    && a.fundingSource === b.fundingSource && a.groupId === b.groupId && a.decreeNumber === b.decreeNumber;
}
