import { ID, TODAY, TOMORROW, commands, fold, given, history } from '../testing/journey-test-kit';
import type { EntrepreneurEvent } from '../events/entrepreneur.events';
import { ErrorCode } from '../shared/error-codes';
import { standingOf } from '../group/group.commands';

const lifted = (liftedOn = '2024-06-01'): EntrepreneurEvent => ({ type: 'ProcessingRestrictionLifted', data: { entrepreneurId: ID, liftedOn } });

describe('an entrepreneur asking for restriction of processing', () => {
  it('has ProcessingRestricted appended with the date and the request reference, and no reason in the data', () => {
    expect(given(history.funded()).when(commands.restrict({ restrictedOn: '2024-05-02', requestReference: 'PDP-2024-018' }))).toEqual([{
      type: 'ProcessingRestricted', data: { entrepreneurId: ID, restrictedOn: '2024-05-02', requestReference: 'PDP-2024-018' },
    }]);
  });

  it('is restricted from today when no date is given', () => {
    expect(given(history.registered()).when(commands.restrict())).toEqual([{ type: 'ProcessingRestricted', data: { entrepreneurId: ID, restrictedOn: TODAY } }]);
  });

  it.each([
    ['on the day of registration', '2024-01-10', 'ok'],
    ['the day before registration', '2024-01-09', ErrorCode.DATE_BEFORE_MILESTONE],
    ['today', TODAY, 'ok'],
    ['tomorrow', TOMORROW, ErrorCode.DATE_IN_FUTURE],
    ['on a date that does not exist', '2024-02-30', ErrorCode.DATE_FORMAT],
  ])('%s', (_when, restrictedOn, expected) => {
    const cmd = commands.restrict({ restrictedOn });
    if (expected === 'ok') expect(given(history.registered()).when(cmd)).toHaveLength(1);
    else expect(given(history.registered()).refuses(cmd)).toMatchObject({ code: expected });
  });

  it.each([
    ['a reason', { reason: ' ' }],
    ['a blank request reference', { requestReference: '' }],
  ])('not without %s', (_what, over) => {
    expect(given(history.funded()).refuses(commands.restrict(over))).toMatchObject({ code: ErrorCode.TEXT_REQUIRED });
  });

  it.each([
    ['withdrawn', history.withdrawn()],
    ['graduated', history.graduated()],
  ])('may be restricted when the case is %s: the data is still held', (_state, events) => {
    expect(given(events).when(commands.restrict())).toHaveLength(1);
  });

  it('is refused for a case never registered', () => {
    expect(given([]).refuses(commands.restrict())).toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it('is refused once the data was erased: nothing is left to restrict', () => {
    expect(given(history.erased()).refuses(commands.restrict())).toMatchObject({ code: ErrorCode.ERASED, kind: 'conflict' });
  });
});

describe('an entrepreneur whose processing is restricted', () => {
  it.each([
    ['a training', commands.train()],
    ['a grant', commands.grant({ programme: 'WUB' })],
    ['a monitoring visit', commands.visit()],
    ['a graduation', commands.graduate()],
    ['a withdrawal', commands.withdraw()],
    ['a profile correction', commands.correct({ phone: '0812' })],
    ['a new caseworker', commands.assign('cw-2')],
  ])('cannot receive %s: no new facts while the data may not be processed', (_what, cmd) => {
    const refusal = given(history.restricted()).refuses(cmd);
    expect(refusal).toMatchObject({ code: ErrorCode.PROCESSING_RESTRICTED, kind: 'conflict', params: { on: '2024-05-20' } });
    expect(refusal.message).toContain('2024-05-20');
  });

  it('cannot join a group: the standing of the case carries the restriction', () => {
    expect(standingOf(fold(history.restricted()))).toMatchObject({ restrictedOn: '2024-05-20', erased: false });
  });

  it('can still be erased: erasure is the stronger right', () => {
    expect(given(history.restricted()).when(commands.erase())).toEqual([{ type: 'PersonalDataErased', data: { entrepreneurId: ID, reason: 'permintaan subjek data' } }]);
  });

  it('restricting again took effect already: no events, and the first date stands', () => {
    expect(given(history.restricted()).when(commands.restrict({ restrictedOn: '2024-06-01' }))).toEqual([]);
    expect(fold(history.restricted())).toMatchObject({ restrictedOn: '2024-05-20' });
  });

  describe('has the restriction lifted', () => {
    it('as a ProcessingRestrictionLifted event, today when no date is given', () => {
      expect(given(history.restricted()).when(commands.lift())).toEqual([{ type: 'ProcessingRestrictionLifted', data: { entrepreneurId: ID, liftedOn: TODAY } }]);
    });

    it.each([
      ['on the day it was restricted', '2024-05-20', 'ok'],
      ['the day before it was restricted', '2024-05-19', ErrorCode.DATE_BEFORE_MILESTONE],
      ['tomorrow', TOMORROW, ErrorCode.DATE_IN_FUTURE],
    ])('%s', (_when, liftedOn, expected) => {
      const cmd = commands.lift({ liftedOn });
      if (expected === 'ok') expect(given(history.restricted()).when(cmd)).toHaveLength(1);
      else expect(given(history.restricted()).refuses(cmd)).toMatchObject({ code: expected });
    });

    it('not without a reason', () => {
      expect(given(history.restricted()).refuses(commands.lift({ reason: '' }))).toMatchObject({ code: ErrorCode.TEXT_REQUIRED });
    });

    it('and afterwards takes new facts again', () => {
      const events = [...history.restricted(), lifted()];
      expect(given(events).when(commands.assign('cw-2'))).toHaveLength(1);
      expect(given(events).when(commands.graduate({ graduatedOn: '2024-06-02' }))).toHaveLength(1);
      expect(standingOf(fold(events)).restrictedOn).toBeUndefined();
    });

    it('and can be restricted again, from the new date', () => {
      const events = [...history.restricted(), lifted()];
      expect(given(events).when(commands.restrict({ restrictedOn: '2024-06-10' }))).toEqual([{ type: 'ProcessingRestricted', data: { entrepreneurId: ID, restrictedOn: '2024-06-10' } }]);
    });
  });
});

describe('lifting a restriction that is not in force', () => {
  it.each([
    ['never restricted', history.funded()],
    ['lifted already', [...history.restricted(), lifted()]],
  ])('took effect already when the case was %s: no events', (_state, events) => {
    expect(given(events).when(commands.lift())).toEqual([]);
  });

  it('is refused once the data was erased', () => {
    expect(given([...history.restricted(), ...history.erased().slice(-1)]).refuses(commands.lift())).toMatchObject({ code: ErrorCode.ERASED });
  });
});
