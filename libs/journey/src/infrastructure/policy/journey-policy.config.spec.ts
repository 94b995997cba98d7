import { ConfigError } from '@jejak/platform';
import { DEFAULT_JOURNEY_POLICY } from '../../domain';
import { loadJourneyPolicy } from './journey-policy.config';

describe('the programme policy from configuration', () => {
  it('is the default policy when nothing is set', () => {
    expect(loadJourneyPolicy({})).toEqual(DEFAULT_JOURNEY_POLICY);
  });

  it('lets an agency ask for three visits and two workers besides the owner', () => {
    const policy = loadJourneyPolicy({ JEJAK_LANJUTAN_MIN_VISITS: '3', JEJAK_LANJUTAN_MIN_WORKERS_TOTAL: '3' });
    expect(policy.graduation).toEqual({ minVisits: 3, latestVisitsActive: 2, minWorkersTotal: 3 });
  });

  it.each([
    [{ JEJAK_LANJUTAN_MIN_VISITS: 'two' }],
    [{ JEJAK_GROUP_MAX_MEMBERS: '0' }],
    [{ JEJAK_LANJUTAN_MIN_VISITS: '1', JEJAK_LANJUTAN_LATEST_VISITS_ACTIVE: '2' }],
  ])('refuses %j with a clear message', (env) => {
    expect(() => loadJourneyPolicy(env)).toThrow(ConfigError);
  });
});
