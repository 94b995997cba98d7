import { DEFAULT_GRADUATION_POLICY } from '../../domain/policy/journey-policy';
import { aPerson } from '../testing/journey-events.fixture';
import { ProjectionHarness } from '../testing/projection-harness';
import { lanjutanEligibilityProjection } from './lanjutan-eligibility.projection';

describe('Lanjutan eligibility projection', () => {
  const projection = lanjutanEligibilityProjection(DEFAULT_GRADUATION_POLICY);
  let h: ProjectionHarness;
  beforeAll(async () => (h = await ProjectionHarness.start('eligibility', [projection])));
  afterAll(() => h.close());

  const rowOf = async (id: string) =>
    (await h.pool.query(`SELECT eligible, gaps, visits_counted, latest_workers_total, erased, state FROM lanjutan_eligibility WHERE entrepreneur_id = $1`, [id])).rows[0];

  it('lists a TKM Pemula business running at two visits with a worker besides the owner as eligible', async () => {
    const p = aPerson();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.monitored('2024-06-01'), p.monitored('2024-12-01')]);
    await h.project([projection], await h.events());
    expect(await rowOf(p.id)).toMatchObject({ eligible: true, gaps: [], visits_counted: 2, latest_workers_total: 2, erased: false });
  });

  it('names the gaps of a case that does not meet the rule yet, and holds no personal data', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.monitored('2024-06-01', { workersTotal: 1 })]);
    await h.project([projection], await h.events(start));
    const row = await rowOf(p.id);
    expect(row).toMatchObject({ eligible: false, gaps: ['too_few_visits', 'too_few_workers'] });
    expect(JSON.stringify(row.state)).not.toMatch(/Siti|3216015204980001|32\.16\.01\.2001/);
  });

  it('drops an erased person from the list: the case is closed to new facts', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.monitored('2024-06-01'), p.monitored('2024-12-01'), p.erased()]);
    await h.project([projection], await h.events(start));
    expect(await rowOf(p.id)).toMatchObject({ eligible: false, erased: true });
  });

  it('leaves a restricted person out while the restriction lasts (no automated decision), and lists them again once it is lifted', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.monitored('2024-06-01'), p.monitored('2024-12-01'), p.restricted('2024-12-05')]);
    await h.project([projection], await h.events(start));
    expect(await rowOf(p.id)).toMatchObject({ eligible: false, gaps: [], erased: false });
    await h.append(p.stream, [p.restrictionLifted('2024-12-20')]);
    await h.project([projection], await h.events(start));
    expect(await rowOf(p.id)).toMatchObject({ eligible: true });
  });

  it('changes nothing when the restriction and its lift are delivered twice', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.monitored('2024-06-01'), p.monitored('2024-12-01'), p.restricted('2024-12-05')]);
    const restricted = await h.events(start);
    await h.project([projection], restricted);
    const once = await rowOf(p.id);
    await h.project([projection], [...restricted, ...restricted.slice(-1)]);
    expect(await rowOf(p.id)).toEqual(once);
    await h.append(p.stream, [p.restrictionLifted('2024-12-20')]);
    const all = await h.events(start);
    await h.project([projection], all);
    const lifted = await rowOf(p.id);
    await h.project([projection], [...all.slice(-2), ...all.slice(-1)]);
    expect(await rowOf(p.id)).toEqual(lifted);
  });

  it('changes nothing when the same events are delivered twice', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.monitored('2024-06-01')]);
    const events = await h.events(start);
    await h.project([projection], events);
    const once = await rowOf(p.id);
    await h.project([projection], [...events, ...events]);
    expect(await rowOf(p.id)).toEqual(once);
  });

  it('has a version of its policy too: another policy is another version (the engine rebuilds), the same policy the same', () => {
    const version = lanjutanEligibilityProjection(DEFAULT_GRADUATION_POLICY).version;
    expect(lanjutanEligibilityProjection({ ...DEFAULT_GRADUATION_POLICY }).version).toBe(version);
    for (const change of [{ minVisits: 3 }, { latestVisitsActive: 1 }, { minWorkersTotal: 3 }])
      expect(lanjutanEligibilityProjection({ ...DEFAULT_GRADUATION_POLICY, ...change }).version).not.toBe(version);
    expect(Number.isInteger(version) && version > 0 && version < 2 ** 31).toBe(true);
  });
});
