import { lanjutanEligibility } from './lanjutan-eligibility';
import { DEFAULT_GRADUATION_POLICY } from '../policy/journey-policy';
import { fold, history, monitored } from '../testing/journey-test-kit';

describe('eligibility for TKM Lanjutan, as the read side asks it', () => {
  it('of an eligible case says so, with the facts behind it', () => {
    expect(lanjutanEligibility(fold(history.eligible()), DEFAULT_GRADUATION_POLICY)).toEqual({
      eligible: true, gaps: [], visitsCounted: 2, latestWorkersTotal: 2, latestVisitOn: '2024-05-01',
    });
  });

  it.each([
    ['no case at all', [], ['not_registered']],
    ['a registered case', history.registered(), ['no_pemula_grant']],
    ['a funded case not yet visited', history.funded(), ['too_few_visits', 'business_not_active', 'too_few_workers']],
    ['a graduate', history.graduated(), ['already_graduated']],
    ['a withdrawn case', history.withdrawn(), ['withdrawn', 'no_pemula_grant']],
  ])('of %s lists what is missing', (_what, events, gaps) => {
    expect(lanjutanEligibility(fold(events), DEFAULT_GRADUATION_POLICY)).toMatchObject({ eligible: false, gaps });
  });

  it('as of a date ignores the visits after it (time travel and the graduation date agree)', () => {
    expect(lanjutanEligibility(fold(history.eligible()), DEFAULT_GRADUATION_POLICY, '2024-04-30')).toMatchObject({ eligible: false, visitsCounted: 1 });
  });

  it('with a policy of one visit needs only the latest visit active', () => {
    const policy = { minVisits: 1, latestVisitsActive: 1, minWorkersTotal: 2 };
    const events = [...history.funded(), monitored('2024-04-01', { businessActive: false, workersTotal: 0 }), monitored('2024-05-01')];
    expect(lanjutanEligibility(fold(events), policy).eligible).toBe(true);
  });
});
