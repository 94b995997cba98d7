import { aPerson } from '../testing/journey-events.fixture';
import { ProjectionHarness } from '../testing/projection-harness';
import { progressionProjection } from './progression.projection';

describe('progression projection', () => {
  let h: ProjectionHarness;
  beforeAll(async () => (h = await ProjectionHarness.start('progression', [progressionProjection])));
  afterAll(() => h.close());

  const rowOf = async (id: string) =>
    (await h.pool.query(`SELECT stage, programme, funded_on::text, active_6m, active_12m, active_24m, latest_workers_total, has_nib, trained_on::text FROM progression_cases WHERE entrepreneur_id = $1`, [id])).rows[0];

  it('records the dates each stage was reached and survival at 6, 12 and 24 months from the visits after the grant', async () => {
    const p = aPerson();
    await h.append(p.stream, [
      p.registered(), p.trained(), p.granted({ receivedOn: '2024-03-01' }),
      p.monitored('2024-06-01'), p.monitored('2024-09-15', { workersTotal: 3 }), p.monitored('2025-03-10', { workersTotal: 4, hasNib: true }),
    ]);
    await h.project([progressionProjection], await h.events());
    expect(await rowOf(p.id)).toMatchObject({
      stage: 'monitored', programme: 'TKM_PEMULA', funded_on: '2024-03-01', trained_on: '2024-02-05',
      active_6m: true, active_12m: true, active_24m: null, latest_workers_total: 4, has_nib: true,
    });
  });

  it('counts a business found closed before a milestone as not surviving it, whatever order visits are entered in', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted({ receivedOn: '2024-03-01' }), p.monitored('2024-08-01', { businessActive: false }), p.monitored('2024-06-01')]);
    await h.project([progressionProjection], await h.events(start));
    expect(await rowOf(p.id)).toMatchObject({ active_6m: false, active_12m: false, active_24m: false, latest_workers_total: 2 });
  });

  it('changes nothing when the same events are delivered twice', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained(), p.granted(), p.monitored('2024-10-01')]);
    const events = await h.events(start);
    await h.project([progressionProjection], events);
    const once = await rowOf(p.id);
    await h.project([progressionProjection], events);
    expect(await rowOf(p.id)).toEqual(once);
  });
});
