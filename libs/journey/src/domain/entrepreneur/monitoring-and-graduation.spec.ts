import { ID, TODAY, TOMORROW, commands, given, granted, history, monitored, registered, trained } from '../testing/journey-test-kit';
import { ErrorCode } from '../shared/error-codes';
import { NotEligibleError } from '../shared/domain-error';
import { DEFAULT_JOURNEY_POLICY } from '../policy/journey-policy';

describe('a funded entrepreneur', () => {
  describe('is monitored', () => {
    it('as a Monitored event, with hasNib derived so the NIB KPI survives erasure', () => {
      const cmd = commands.visit({ paidWorkers: 1, unpaidWorkers: 1, monthlyRevenue: 4_500_000, permitStatus: 'obtained', nib: '1234567890123', equipmentInUse: true, obstacles: ['packaging', 'capital'], notes: 'laku di pasar' });
      expect(given(history.funded()).when(cmd)).toEqual([{
        type: 'Monitored',
        data: {
          entrepreneurId: ID, visitedOn: '2024-06-01', businessActive: true, workersTotal: 3, revenueTrend: 'flat', paidWorkers: 1, unpaidWorkers: 1,
          monthlyRevenue: 4_500_000, permitStatus: 'obtained', nib: '1234567890123', equipmentInUse: true, obstacles: ['packaging', 'capital'], notes: 'laku di pasar', hasNib: true,
        },
      }]);
    });

    it.each([
      ['on the day of the grant', '2024-03-01', 'ok'],
      ['the day before the grant', '2024-02-29', ErrorCode.DATE_BEFORE_MILESTONE],
      ['today', TODAY, 'ok'],
      ['tomorrow', TOMORROW, ErrorCode.DATE_IN_FUTURE],
    ])('%s', (_when, visitedOn, expected) => {
      const cmd = commands.visit({ visitedOn });
      if (expected === 'ok') expect(given(history.funded()).when(cmd)).toHaveLength(1);
      else expect(given(history.funded()).refuses(cmd)).toMatchObject({ code: expected });
    });

    it.each([
      ['a closed business with nobody working', { businessActive: false, workersTotal: 0 }, 'ok'],
      ['a running business with only its owner', { businessActive: true, workersTotal: 1 }, 'ok'],
      ['a running business with nobody at all', { businessActive: true, workersTotal: 0 }, ErrorCode.WORKERS_INCONSISTENT],
      ['paid + unpaid equal to the total', { workersTotal: 3, paidWorkers: 2, unpaidWorkers: 1 }, 'ok'],
      ['paid + unpaid above the total', { workersTotal: 3, paidWorkers: 2, unpaidWorkers: 2 }, ErrorCode.WORKERS_INCONSISTENT],
      ['negative workers', { workersTotal: -1 }, ErrorCode.NUMBER_INVALID],
      ['revenue of Rp 0', { monthlyRevenue: 0 }, 'ok'],
      ['negative revenue', { monthlyRevenue: -1 }, ErrorCode.NUMBER_INVALID],
      ['an NIB of 12 digits', { nib: '123456789012' }, ErrorCode.NIB_FORMAT],
      ['an unknown obstacle', { obstacles: ['weather' as never] }, ErrorCode.VALUE_NOT_ALLOWED],
      ['an unknown revenue trend', { revenueTrend: 'up' as never }, ErrorCode.VALUE_NOT_ALLOWED],
      ['an unknown permit status', { permitStatus: 'pending' as never }, ErrorCode.VALUE_NOT_ALLOWED],
    ])('with %s', (_what, over, expected) => {
      const cmd = commands.visit(over);
      if (expected === 'ok') expect(given(history.funded()).when(cmd)).toHaveLength(1);
      else expect(given(history.funded()).refuses(cmd)).toMatchObject({ code: expected, kind: 'invalid' });
    });

    it('the same visit recorded twice took effect already: no events', () => {
      const cmd = commands.visit();
      const events = given(history.funded()).when(cmd);
      expect(given([...history.funded(), ...events]).when(cmd)).toEqual([]);
    });

    it('a different visit on a day that already has one is refused', () => {
      const events = [...history.funded(), monitored('2024-06-01', { workersTotal: 3, revenueTrend: 'flat' })];
      expect(given(events).refuses(commands.visit({ workersTotal: 4 }))).toMatchObject({ code: ErrorCode.VISIT_ALREADY_RECORDED, kind: 'conflict' });
    });
  });

  describe('graduates to TKM Lanjutan under the default policy', () => {
    it('after two active visits, the latest with a worker besides the owner', () => {
      expect(given(history.eligible()).when(commands.graduate({ basis: 'monev 2024' }))).toEqual([{
        type: 'GraduatedToLanjutan', data: { entrepreneurId: ID, graduatedOn: '2024-06-01', basis: 'monev 2024' },
      }]);
    });

    it.each([
      ['one visit', [monitored('2024-04-01')], ['too_few_visits']],
      ['two visits', [monitored('2024-04-01'), monitored('2024-05-01')], []],
      ['two visits, the earlier with the business closed', [monitored('2024-04-01', { businessActive: false, workersTotal: 0 }), monitored('2024-05-01')], ['business_not_active']],
      ['three visits, the first closed but the latest two active', [monitored('2024-03-15', { businessActive: false, workersTotal: 0 }), monitored('2024-04-01'), monitored('2024-05-01')], []],
      ['two visits, the latest with the owner alone', [monitored('2024-04-01'), monitored('2024-05-01', { workersTotal: 1 })], ['too_few_workers']],
      ['two visits, one worker besides the owner only at the earlier one', [monitored('2024-04-01', { workersTotal: 2 }), monitored('2024-05-01', { workersTotal: 1 })], ['too_few_workers']],
      ['two visits entered out of order, the later-dated one closed', [monitored('2024-05-01', { businessActive: false, workersTotal: 0 }), monitored('2024-04-01')], ['business_not_active', 'too_few_workers']],
    ])('with %s', (_what, visits, gaps) => {
      const cmd = commands.graduate();
      const events = [...history.funded(), ...visits];
      if (gaps.length === 0) expect(given(events).when(cmd)).toHaveLength(1);
      else {
        const error = given(events).refuses(cmd);
        expect(error).toBeInstanceOf(NotEligibleError);
        expect(error).toMatchObject({ code: ErrorCode.NOT_ELIGIBLE_FOR_LANJUTAN, kind: 'conflict', reasons: gaps });
      }
    });

    it.each([
      ['on the day of the second visit', '2024-05-01', 'ok'],
      ['the day before the second visit: then only one visit counts', '2024-04-30', ErrorCode.NOT_ELIGIBLE_FOR_LANJUTAN],
      ['today', TODAY, 'ok'],
      ['tomorrow', TOMORROW, ErrorCode.DATE_IN_FUTURE],
    ])('dated %s', (_when, graduatedOn, expected) => {
      const cmd = commands.graduate({ graduatedOn });
      if (expected === 'ok') expect(given(history.eligible()).when(cmd)).toHaveLength(1);
      else expect(given(history.eligible()).refuses(cmd)).toMatchObject({ code: expected });
    });

    it('not before the TKM Pemula grant, even with visits counted from an earlier grant', () => {
      const events = [registered(), trained(), granted({ programme: 'WUB', receivedOn: '2024-02-10' }), monitored('2024-02-20'), monitored('2024-02-25'), granted({ receivedOn: '2024-03-01' })];
      expect(given(events).refuses(commands.graduate({ graduatedOn: '2024-02-28' }))).toMatchObject({ code: ErrorCode.DATE_BEFORE_MILESTONE });
      expect(given(events).refuses(commands.graduate())).toMatchObject({ code: ErrorCode.NOT_ELIGIBLE_FOR_LANJUTAN, reasons: ['too_few_visits', 'business_not_active', 'too_few_workers'] });
    });
  });

  it('cannot graduate with only other assistance (no TKM Pemula grant)', () => {
    const events = [registered(), granted({ programme: 'WUB' }), monitored('2024-04-01'), monitored('2024-05-01')];
    expect(given(events).refuses(commands.graduate())).toMatchObject({ code: ErrorCode.NOT_ELIGIBLE_FOR_LANJUTAN, reasons: ['no_pemula_grant'] });
  });

  it('graduates under a stricter policy only when it is met', () => {
    const strict = { ...DEFAULT_JOURNEY_POLICY, graduation: { minVisits: 3, latestVisitsActive: 3, minWorkersTotal: 3 } };
    expect(given(history.eligible(), { policy: strict }).refuses(commands.graduate())).toMatchObject({ reasons: ['too_few_visits', 'too_few_workers'] });
    const met = [...history.funded(), monitored('2024-04-01'), monitored('2024-05-01'), monitored('2024-06-01', { workersTotal: 3 })];
    expect(given(met, { policy: strict }).when(commands.graduate({ graduatedOn: TODAY }))).toHaveLength(1);
  });
});

describe('a graduated entrepreneur', () => {
  it('graduating again on the same date took effect already: no events', () => {
    expect(given(history.graduated()).when(commands.graduate({ graduatedOn: '2024-05-10' }))).toEqual([]);
  });

  it('cannot graduate again on another date', () => {
    expect(given(history.graduated()).refuses(commands.graduate())).toMatchObject({ code: ErrorCode.ALREADY_GRADUATED, kind: 'conflict' });
  });

  it('cannot withdraw: the programme is finished, not abandoned', () => {
    expect(given(history.graduated()).refuses(commands.withdraw())).toMatchObject({ code: ErrorCode.ALREADY_GRADUATED });
  });

  it('cannot receive a second TKM Pemula grant', () => {
    expect(given(history.graduated()).refuses(commands.grant({ receivedOn: '2024-06-01' }))).toMatchObject({ code: ErrorCode.GRANT_ALREADY_RECEIVED });
  });

  it.each([
    ['on graduation day', '2024-05-10', 'ok'],
    ['the day before graduation', '2024-05-09', ErrorCode.DATE_BEFORE_MILESTONE],
  ])('receives the TKM Lanjutan grant %s', (_when, receivedOn, expected) => {
    const cmd = commands.grant({ programme: 'TKM_LANJUTAN', amount: 15_000_000, receivedOn });
    if (expected === 'ok') expect(given(history.graduated()).when(cmd)).toHaveLength(1);
    else expect(given(history.graduated()).refuses(cmd)).toMatchObject({ code: expected });
  });

  it('receives TKM Lanjutan only once', () => {
    const events = [...history.graduated(), granted({ programme: 'TKM_LANJUTAN', receivedOn: '2024-05-20' })];
    expect(given(events).refuses(commands.grant({ programme: 'TKM_LANJUTAN', receivedOn: '2024-06-01' }))).toMatchObject({ code: ErrorCode.GRANT_ALREADY_RECEIVED });
  });

  it.each([
    ['a training', commands.train()],
    ['a monitoring visit', commands.visit()],
  ])('can still receive %s (Lanjutan is monitored too)', (_what, cmd) => {
    expect(given(history.graduated()).when(cmd)).toHaveLength(1);
  });
});
