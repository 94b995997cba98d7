import { aPerson } from '../testing/journey-events.fixture';
import { ProjectionHarness } from '../testing/projection-harness';
import { timelineProjection } from './timeline.projection';

describe('timeline projection', () => {
  let h: ProjectionHarness;
  beforeAll(async () => (h = await ProjectionHarness.start('timeline', [timelineProjection])));
  afterAll(() => h.close());

  const entriesOf = async (id: string) =>
    (await h.pool.query(`SELECT version, type, actor_id, actor_role, summary FROM timeline WHERE entrepreneur_id = $1 ORDER BY version`, [id])).rows;

  it('lists each event of a case in order, with who did it and only non-personal facts', async () => {
    const p = aPerson();
    await h.append(p.stream, [p.registered(), p.trained(), p.monitored('2024-06-01', { notes: 'omzet naik', monthlyRevenue: 3_000_000 })]);
    await h.project([timelineProjection], await h.events());
    const entries = await entriesOf(p.id);
    expect(entries.map((e) => e.type)).toEqual(['Registered', 'Trained', 'Monitored']);
    expect(entries[0]).toMatchObject({ version: 1, actor_id: 'caseworker-1', actor_role: 'caseworker' });
    expect(entries[0].summary).toEqual({ sex: 'F', registeredOn: '2024-01-10', birthYear: 1998, kecamatanCode: '32.16.01', nikRegionKnown: true });
    expect(entries[2].summary).toMatchObject({ visitedOn: '2024-06-01', businessActive: true, workersTotal: 2 });
    expect(JSON.stringify(entries)).not.toMatch(/Siti|omzet|3000000|3216015204980001/);
  });

  it('changes nothing when the same events are delivered twice', async () => {
    const p = aPerson();
    const start = await h.store.headPosition();
    await h.append(p.stream, [p.registered(), p.trained()]);
    const events = await h.events(start);
    await h.project([timelineProjection], events);
    await h.project([timelineProjection], events);
    expect(await entriesOf(p.id)).toHaveLength(2);
  });
});
