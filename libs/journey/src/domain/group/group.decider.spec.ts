import type { GroupEvent } from '../events/group.events';
import type { GroupCommand } from './group.commands';
import { decideGroup } from './group.decider';
import { evolveGroup, initialGroupState } from './group.state';
import { CONTEXT, NOW, TODAY, TOMORROW } from '../testing/journey-test-kit';
import { DEFAULT_JOURNEY_POLICY } from '../policy/journey-policy';
import { DomainError } from '../shared/domain-error';
import { ErrorCode } from '../shared/error-codes';

const GROUP = 'b8a4f0de-5c2a-4f53-8f0e-2a4d1c9e6b01';
const formed = (over: Partial<Extract<GroupEvent, { type: 'GroupFormed' }>['data']> = {}): GroupEvent => ({
  type: 'GroupFormed',
  data: { groupId: GROUP, name: 'KUB Resin Tarumajaya', regionCode: '32.16.01', kecamatanCode: '32.16.01', businessType: 'kerajinan resin', programme: 'TKM_PEMULA', formedOn: '2024-03-01', maxMembers: 10, ...over },
});
const joined = (entrepreneurId: string): GroupEvent => ({ type: 'MemberJoined', data: { groupId: GROUP, entrepreneurId, joinedOn: '2024-03-02' } });
const form = (over: object = {}): GroupCommand => ({ type: 'FormGroup', groupId: GROUP, now: NOW, name: 'KUB Resin Tarumajaya', regionCode: '32.16.01', businessType: 'kerajinan resin', formedOn: '2024-03-01', ...over });
const REGISTERED_MEMBER = { registeredOn: '2024-01-10', erased: false };
const join = (entrepreneurId: string, over: object = {}): GroupCommand => ({
  type: 'JoinGroup', groupId: GROUP, now: NOW, entrepreneurId, joinedOn: '2024-03-02', member: REGISTERED_MEMBER, ...over,
});

function given(events: GroupEvent[], context = CONTEXT) {
  const state = events.reduce(evolveGroup, initialGroupState);
  return {
    when: (cmd: GroupCommand) => decideGroup(cmd, state, context),
    refuses: (cmd: GroupCommand): DomainError => {
      try {
        decideGroup(cmd, state, context);
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    },
  };
}

describe('a group not yet formed', () => {
  it('is formed as a TKM Pemula kelompok with the size limit of the policy fixed on the event', () => {
    expect(given([]).when(form())).toEqual([formed()]);
  });

  it('takes the size limit from a configured policy', () => {
    const policy = { ...DEFAULT_JOURNEY_POLICY, group: { maxMembers: 16 } };
    expect(given([], { ...CONTEXT, policy }).when(form())[0].data).toMatchObject({ maxMembers: 16 });
  });

  it.each([
    ['an unknown kecamatan', { regionCode: '32.16.99' }, ErrorCode.REGION_UNKNOWN],
    ['a province instead of a kecamatan', { regionCode: '32' }, ErrorCode.REGION_FORMAT],
    ['no name', { name: '' }, ErrorCode.TEXT_REQUIRED],
    ['a formation date tomorrow', { formedOn: TOMORROW }, ErrorCode.DATE_IN_FUTURE],
  ])('is refused with %s', (_what, over, code) => {
    expect(given([]).refuses(form(over))).toMatchObject({ code, kind: 'invalid' });
  });

  it('can be formed today', () => {
    expect(given([]).when(form({ formedOn: TODAY }))).toHaveLength(1);
  });

  it('cannot be joined', () => {
    expect(given([]).refuses(join('e-1'))).toMatchObject({ code: ErrorCode.GROUP_NOT_FOUND, kind: 'not_found' });
  });
});

describe('a formed group', () => {
  it('cannot be formed again', () => {
    expect(given([formed()]).refuses(form())).toMatchObject({ code: ErrorCode.GROUP_ALREADY_FORMED, kind: 'conflict' });
  });

  it('is joined by a member', () => {
    expect(given([formed()]).when(join('e-1'))).toEqual([joined('e-1')]);
  });

  it('joined twice by the same member took effect already: no events', () => {
    expect(given([formed(), joined('e-1')]).when(join('e-1'))).toEqual([]);
  });

  it.each([
    ['on the day it was formed', '2024-03-01', 'ok'],
    ['the day before it was formed', '2024-02-29', ErrorCode.DATE_BEFORE_MILESTONE],
    ['tomorrow', TOMORROW, ErrorCode.DATE_IN_FUTURE],
  ])('is joined %s', (_when, joinedOn, expected) => {
    if (expected === 'ok') expect(given([formed()]).when(join('e-1', { joinedOn }))).toHaveLength(1);
    else expect(given([formed()]).refuses(join('e-1', { joinedOn }))).toMatchObject({ code: expected });
  });

  it.each([
    [9, 'ok'],
    [10, ErrorCode.GROUP_FULL],
  ] as const)('with %d members, takes one more: %s', (members, expected) => {
    const events = [formed(), ...Array.from({ length: members }, (_, i) => joined(`e-${i}`))];
    if (expected === 'ok') expect(given(events).when(join('new'))).toHaveLength(1);
    else expect(given(events).refuses(join('new'))).toMatchObject({ code: expected, kind: 'conflict' });
  });

  it('keeps the limit it was formed with when the policy later changes', () => {
    const events = [formed({ maxMembers: 2 }), joined('a'), joined('b')];
    const policy = { ...DEFAULT_JOURNEY_POLICY, group: { maxMembers: 50 } };
    expect(given(events, { ...CONTEXT, policy }).refuses(join('c'))).toMatchObject({ code: ErrorCode.GROUP_FULL });
  });

  describe('takes only a person in the programme', () => {
    it.each([
      ['registered the day they join', { registeredOn: '2024-03-02', erased: false }, 'ok', undefined],
      ['registered the day after', { registeredOn: '2024-03-03', erased: false }, ErrorCode.DATE_BEFORE_MILESTONE, 'joinedOn'],
      ['who withdrew before joining', { registeredOn: '2024-01-10', erased: false, withdrawnOn: '2024-02-01' }, ErrorCode.WITHDRAWN, 'entrepreneurId'],
      ['who withdrew the day they join', { registeredOn: '2024-01-10', erased: false, withdrawnOn: '2024-03-02' }, ErrorCode.WITHDRAWN, 'entrepreneurId'],
      ['who withdrew the day after joining (a membership entered late)', { registeredOn: '2024-01-10', erased: false, withdrawnOn: '2024-03-03' }, 'ok', undefined],
      ['whose personal data was erased', { registeredOn: '2024-01-10', erased: true }, ErrorCode.ERASED, 'entrepreneurId'],
      ['whose processing is restricted', { registeredOn: '2024-01-10', erased: false, restrictedOn: '2024-03-01' }, ErrorCode.PROCESSING_RESTRICTED, 'entrepreneurId'],
      ['who graduated to TKM Lanjutan before joining', { registeredOn: '2024-01-10', erased: false, graduatedOn: '2024-02-01' }, ErrorCode.ALREADY_GRADUATED, 'entrepreneurId'],
      ['who graduated the day they join', { registeredOn: '2024-01-10', erased: false, graduatedOn: '2024-03-02' }, ErrorCode.ALREADY_GRADUATED, 'entrepreneurId'],
      ['who graduated the day after joining (a membership entered late)', { registeredOn: '2024-01-10', erased: false, graduatedOn: '2024-03-03' }, 'ok', undefined],
    ] as const)('a member %s: %s', (_who, member, expected, field) => {
      if (expected === 'ok') expect(given([formed()]).when(join('e-1', { member }))).toEqual([joined('e-1')]);
      else expect(given([formed()]).refuses(join('e-1', { member }))).toMatchObject({ code: expected, kind: 'conflict', field });
    });

    it('names the day of the withdrawal', () => {
      const refusal = given([formed()]).refuses(join('e-1', { member: { registeredOn: '2024-01-10', erased: false, withdrawnOn: '2024-02-01' } }));
      expect(refusal.message).toContain('2024-02-01');
    });

    it('takes a graduate into a TKM Lanjutan group, naming the day of the graduation when a TKM Pemula group refuses them', () => {
      const graduate = { registeredOn: '2023-01-10', erased: false, graduatedOn: '2024-02-01' };
      expect(given([formed({ programme: 'TKM_LANJUTAN' })]).when(join('e-1', { member: graduate }))).toEqual([joined('e-1')]);
      expect(given([formed({ programme: 'WUB' })]).when(join('e-1', { member: graduate }))).toEqual([joined('e-1')]);
      const refusal = given([formed()]).refuses(join('e-1', { member: graduate }));
      expect(refusal).toMatchObject({ params: { on: '2024-02-01' } });
      expect(refusal.message).toContain('2024-02-01');
    });

    it('names since when processing is restricted', () => {
      const refusal = given([formed()]).refuses(join('e-1', { member: { registeredOn: '2024-01-10', erased: false, restrictedOn: '2024-03-01' } }));
      expect(refusal).toMatchObject({ params: { on: '2024-03-01' } });
      expect(refusal.message).toContain('2024-03-01');
    });
  });
});
