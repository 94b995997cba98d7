import { randomUUID } from 'node:crypto';
import type { JourneyEvent } from '../../domain/events/catalogue';
import { aPerson } from '../testing/journey-events.fixture';
import { ProjectionHarness } from '../testing/projection-harness';
import { groupSummaryProjection } from './group-summary.projection';

describe('group summary projection', () => {
  let h: ProjectionHarness;
  beforeAll(async () => (h = await ProjectionHarness.start('groups', [groupSummaryProjection])));
  afterAll(() => h.close());

  const groupId = randomUUID();
  const formed: JourneyEvent = {
    type: 'GroupFormed',
    data: { groupId, name: 'Kelompok Resin Tarumajaya', regionCode: '32.16.01', kecamatanCode: '32.16.01', businessType: 'kerajinan', programme: 'TKM_PEMULA', formedOn: '2024-02-10', maxMembers: 10 },
  };
  const joined = (entrepreneurId: string): JourneyEvent => ({ type: 'MemberJoined', data: { groupId, entrepreneurId, joinedOn: '2024-02-11' } });

  it('counts members and adds up the grants paid to the group, once each even when delivered twice', async () => {
    const a = aPerson();
    const b = aPerson();
    await h.append(`group-${groupId}`, [formed, joined(a.id), joined(b.id)]);
    await h.append(a.stream, [a.registered(), a.granted({ groupId, amount: 10_000_000 })]);
    await h.append(b.stream, [b.registered(), b.granted({ groupId, amount: 10_000_000 }), b.trained()]);
    const events = await h.events();
    await h.project([groupSummaryProjection], events);
    await h.project([groupSummaryProjection], events);
    const [row] = await h.rows('group_summary', 'group_id');
    expect(row).toMatchObject({ name: 'Kelompok Resin Tarumajaya', kecamatan_code: '32.16.01', members_count: 2, grant_total: '20000000', grants_count: 2, max_members: 10 });
  });
});
