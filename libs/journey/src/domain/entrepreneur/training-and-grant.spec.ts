import { ID, TODAY, TOMORROW, commands, given, granted, history, registered, trained } from '../testing/journey-test-kit';
import { ErrorCode } from '../shared/error-codes';

describe('a registered entrepreneur (not yet trained)', () => {
  describe('records a training', () => {
    it('as a Trained event with the optional facts given', () => {
      expect(given(history.registered()).when(commands.train({ hours: 40, certified: true, certificateNumber: 'BNSP-123' }))).toEqual([{
        type: 'Trained',
        data: {
          entrepreneurId: ID, title: 'Pelatihan Tata Boga', provider: 'BLK Bekasi', kind: 'competency',
          startedOn: '2024-06-01', completedOn: '2024-06-10', hours: 40, certified: true, certificateNumber: 'BNSP-123',
        },
      }]);
    });

    it.each([
      ['completed today', TODAY, 'ok'],
      ['completed tomorrow', TOMORROW, ErrorCode.DATE_IN_FUTURE],
    ])('%s', (_what, completedOn, expected) => {
      const cmd = commands.train({ startedOn: '2024-06-10', completedOn });
      if (expected === 'ok') expect(given(history.registered()).when(cmd)).toHaveLength(1);
      else expect(given(history.registered()).refuses(cmd)).toMatchObject({ code: expected });
    });

    it.each([
      ['completed the day it started', '2024-06-10', '2024-06-10', 'ok'],
      ['completed the day before it started', '2024-06-10', '2024-06-09', ErrorCode.DATE_BEFORE_MILESTONE],
      ['started the day of registration', '2024-01-10', '2024-01-12', 'ok'],
      ['started the day before registration', '2024-01-09', '2024-01-12', ErrorCode.DATE_BEFORE_MILESTONE],
    ])('%s', (_what, startedOn, completedOn, expected) => {
      const cmd = commands.train({ startedOn, completedOn });
      if (expected === 'ok') expect(given(history.registered()).when(cmd)).toHaveLength(1);
      else expect(given(history.registered()).refuses(cmd)).toMatchObject({ code: expected, kind: 'conflict' });
    });

    it.each([
      ['no title', { title: '' }, ErrorCode.TEXT_REQUIRED],
      ['an unknown kind', { kind: 'online' as never }, ErrorCode.VALUE_NOT_ALLOWED],
      ['0 hours', { hours: 0 }, ErrorCode.NUMBER_INVALID],
      ['fractional hours', { hours: 1.5 }, ErrorCode.NUMBER_INVALID],
      ['a malformed date', { startedOn: '10-06-2024' }, ErrorCode.DATE_FORMAT],
    ])('is refused with %s', (_what, over, code) => {
      expect(given(history.registered()).refuses(commands.train(over))).toMatchObject({ code, kind: 'invalid' });
    });

    it('1 hour is the least a training can last', () => {
      expect(given(history.registered()).when(commands.train({ hours: 1 }))).toHaveLength(1);
    });

    it('the same training recorded twice took effect already: no events', () => {
      const cmd = commands.train();
      const events = given(history.registered()).when(cmd);
      expect(given([...history.registered(), ...events]).when(cmd)).toEqual([]);
    });
  });

  it('cannot receive a TKM Pemula grant before any training', () => {
    expect(given(history.registered()).refuses(commands.grant())).toMatchObject({ code: ErrorCode.NOT_TRAINED, kind: 'conflict' });
  });

  it.each(['WUB', 'OTHER'] as const)('can receive %s assistance without a training', (programme) => {
    expect(given(history.registered()).when(commands.grant({ programme }))).toHaveLength(1);
  });
});

describe('a trained entrepreneur', () => {
  it('receives a TKM Pemula grant', () => {
    expect(given(history.trained()).when(commands.grant({ groupId: 'g-1', group: { formed: true, memberSince: '2024-02-20' }, decreeNumber: 'SK/12/2024' }))).toEqual([{
      type: 'GrantReceived',
      data: { entrepreneurId: ID, programme: 'TKM_PEMULA', amount: 20_000_000, form: 'mixed', receivedOn: '2024-03-01', fundingSource: 'APBN', groupId: 'g-1', decreeNumber: 'SK/12/2024' },
    }]);
  });

  describe('as a member of the kelompok the grant names (the grant goes to the group)', () => {
    it.each([
      ['joined before it was received', { formed: true, memberSince: '2024-02-20' }, 'ok', undefined],
      ['joined the day it was received', { formed: true, memberSince: '2024-03-01' }, 'ok', undefined],
      ['joined the day after', { formed: true, memberSince: '2024-03-02' }, ErrorCode.NOT_A_MEMBER, { joinedOn: '2024-03-02' }],
      ['never joined', { formed: true }, ErrorCode.NOT_A_MEMBER, {}],
    ] as const)('one who %s: %s', (_who, group, expected, params) => {
      const cmd = commands.grant({ groupId: 'g-1', group });
      if (expected === 'ok') expect(given(history.trained()).when(cmd)).toEqual([granted({ groupId: 'g-1' })]);
      else expect(given(history.trained()).refuses(cmd)).toMatchObject({ code: expected, kind: 'conflict', field: 'groupId', params });
    });

    it('is refused when no kelompok was formed under the id (404 GROUP.NOT_FOUND)', () => {
      expect(given(history.trained()).refuses(commands.grant({ groupId: 'g-1', group: { formed: false } }))).toMatchObject({ code: ErrorCode.GROUP_NOT_FOUND, kind: 'not_found' });
    });

    it('a grant naming no kelompok needs no membership', () => {
      expect(given(history.trained()).when(commands.grant())).toEqual([granted()]);
    });
  });

  it.each([
    ['on the day the training was completed', '2024-02-05', 'ok'],
    ['the day before the training was completed', '2024-02-04', ErrorCode.DATE_BEFORE_MILESTONE],
    ['today', TODAY, 'ok'],
    ['tomorrow', TOMORROW, ErrorCode.DATE_IN_FUTURE],
  ])('receives the grant %s', (_when, receivedOn, expected) => {
    const cmd = commands.grant({ receivedOn });
    if (expected === 'ok') expect(given(history.trained()).when(cmd)).toHaveLength(1);
    else expect(given(history.trained()).refuses(cmd)).toMatchObject({ code: expected });
  });

  it.each([
    [0, ErrorCode.AMOUNT_NOT_POSITIVE],
    [-5, ErrorCode.AMOUNT_NOT_POSITIVE],
    [10.5, ErrorCode.AMOUNT_NOT_POSITIVE],
    [1, 'ok'],
  ] as const)('receives an amount of Rp %d: %s', (amount, expected) => {
    const cmd = commands.grant({ amount });
    if (expected === 'ok') expect(given(history.trained()).when(cmd)).toHaveLength(1);
    else expect(given(history.trained()).refuses(cmd)).toMatchObject({ code: expected, kind: 'invalid' });
  });

  it.each([
    ['programme', { programme: 'KUR' as never }],
    ['form', { form: 'voucher' as never }],
    ['fundingSource', { fundingSource: 'BANK' as never }],
  ])('is refused a grant with an unknown %s', (_field, over) => {
    expect(given(history.trained()).refuses(commands.grant(over))).toMatchObject({ code: ErrorCode.VALUE_NOT_ALLOWED });
  });

  it('cannot receive TKM Lanjutan before graduating', () => {
    expect(given(history.trained()).refuses(commands.grant({ programme: 'TKM_LANJUTAN' }))).toMatchObject({ code: ErrorCode.NOT_GRADUATED });
  });

  it('cannot be monitored before any grant', () => {
    expect(given(history.trained()).refuses(commands.visit())).toMatchObject({ code: ErrorCode.NOT_FUNDED, kind: 'conflict' });
  });

  it('counts a training that completed before a later one started: the first completed one opens the grant', () => {
    const events = [registered(), trained({ completedOn: '2024-02-05' }), trained({ title: 'Lanjutan', startedOn: '2024-03-10', completedOn: '2024-03-20' })];
    expect(given(events).when(commands.grant({ receivedOn: '2024-03-01' }))).toHaveLength(1);
  });
});

describe('an entrepreneur with a TKM Pemula grant', () => {
  it('cannot receive a second TKM Pemula grant', () => {
    expect(given(history.funded()).refuses(commands.grant({ amount: 10_000_000, receivedOn: '2024-04-01' })))
      .toMatchObject({ code: ErrorCode.GRANT_ALREADY_RECEIVED, kind: 'conflict' });
  });

  it('recording the same grant again took effect already: no events', () => {
    expect(given(history.funded()).when(commands.grant())).toEqual([]);
  });

  it('can still receive other assistance (WUB)', () => {
    expect(given(history.funded()).when(commands.grant({ programme: 'WUB', amount: 5_000_000, receivedOn: '2024-04-01' }))).toHaveLength(1);
  });

  it('can take another training without moving back a stage', () => {
    expect(given(history.funded()).when(commands.train())).toHaveLength(1);
  });

  it('has a grant before registration refused', () => {
    const events = [registered(), trained({ startedOn: '2024-01-01', completedOn: '2024-01-05' })];
    expect(given(events).refuses(commands.grant({ programme: 'WUB', receivedOn: '2024-01-09' }))).toMatchObject({ code: ErrorCode.DATE_BEFORE_MILESTONE });
  });

  it('shares nothing with other people: the grant event holds no personal field', () => {
    const [event] = given(history.trained()).when(commands.grant());
    expect(Object.keys(event.data)).not.toContain('nik');
  });

  it('keeps the Pemula rule even if a stored history shows it (folded twice it stays one grant per person)', () => {
    expect(given([...history.funded(), granted({ receivedOn: '2024-03-02' })]).refuses(commands.grant({ receivedOn: '2024-04-01' })))
      .toMatchObject({ code: ErrorCode.GRANT_ALREADY_RECEIVED });
  });
});
