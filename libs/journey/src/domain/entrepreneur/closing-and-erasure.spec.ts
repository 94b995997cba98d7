import { ID, TODAY, TOMORROW, commands, given, history, monitored } from '../testing/journey-test-kit';
import { ErrorCode } from '../shared/error-codes';

describe('an active entrepreneur', () => {
  describe('withdraws', () => {
    it('as a Withdrawn event with the reason', () => {
      expect(given(history.funded()).when(commands.withdraw())).toEqual([{
        type: 'Withdrawn', data: { entrepreneurId: ID, withdrawnOn: '2024-06-01', reason: 'pindah ke luar kota' },
      }]);
    });

    it.each([
      ['on the day of the latest visit', '2024-05-01', 'ok'],
      ['the day before the latest visit', '2024-04-30', ErrorCode.DATE_BEFORE_MILESTONE],
      ['today', TODAY, 'ok'],
      ['tomorrow', TOMORROW, ErrorCode.DATE_IN_FUTURE],
    ])('%s', (_when, withdrawnOn, expected) => {
      const cmd = commands.withdraw({ withdrawnOn });
      if (expected === 'ok') expect(given(history.eligible()).when(cmd)).toHaveLength(1);
      else expect(given(history.eligible()).refuses(cmd)).toMatchObject({ code: expected });
    });

    it('not without a reason', () => {
      expect(given(history.funded()).refuses(commands.withdraw({ reason: '' }))).toMatchObject({ code: ErrorCode.TEXT_REQUIRED });
    });
  });
});

describe('a withdrawn entrepreneur', () => {
  it.each([
    ['a training', commands.train()],
    ['a grant', commands.grant({ programme: 'WUB' })],
    ['a monitoring visit', commands.visit()],
    ['a graduation', commands.graduate()],
  ])('cannot receive %s', (_what, cmd) => {
    expect(given(history.withdrawn()).refuses(cmd)).toMatchObject({ code: ErrorCode.WITHDRAWN, kind: 'conflict' });
  });

  it('withdrawing again on the same date took effect already: no events', () => {
    expect(given(history.withdrawn()).when(commands.withdraw({ withdrawnOn: '2024-02-20' }))).toEqual([]);
  });

  it('withdrawing again on another date is refused', () => {
    expect(given(history.withdrawn()).refuses(commands.withdraw())).toMatchObject({ code: ErrorCode.WITHDRAWN });
  });

  it.each([
    ['a profile correction (a right under UU PDP)', commands.correct({ phone: '0812' })],
    ['a new caseworker', commands.assign('cw-2')],
    ['an erasure', commands.erase()],
  ])('can still receive %s', (_what, cmd) => {
    expect(given(history.withdrawn()).when(cmd)).toHaveLength(1);
  });
});

describe('an entrepreneur asking for erasure', () => {
  it('has PersonalDataErased appended with the request reference', () => {
    expect(given(history.funded()).when(commands.erase({ requestReference: 'PDP-2024-017' }))).toEqual([{
      type: 'PersonalDataErased', data: { entrepreneurId: ID, reason: 'permintaan subjek data', requestReference: 'PDP-2024-017' },
    }]);
  });

  it('not without a reason', () => {
    expect(given(history.funded()).refuses(commands.erase({ reason: ' ' }))).toMatchObject({ code: ErrorCode.TEXT_REQUIRED });
  });
});

describe('an entrepreneur whose personal data was erased', () => {
  it('erasing again took effect already: no events', () => {
    expect(given(history.erased()).when(commands.erase())).toEqual([]);
  });

  it.each([
    ['a profile correction', commands.correct({ fullName: 'Siti A.' })],
    ['a training', commands.train()],
    ['a grant', commands.grant({ programme: 'WUB' })],
    ['a monitoring visit', commands.visit()],
    ['a graduation', commands.graduate()],
    ['a withdrawal', commands.withdraw()],
  ])('cannot receive %s: no new facts about a person who withdrew consent', (_what, cmd) => {
    const events = [...history.erased(), monitored('2024-04-01'), monitored('2024-05-01')];
    expect(given(events).refuses(cmd)).toMatchObject({ code: ErrorCode.ERASED, kind: 'conflict' });
  });

  it('can still be handed to another caseworker, so the case stays looked after for audit', () => {
    expect(given(history.erased()).when(commands.assign('cw-9'))).toHaveLength(1);
  });
});
