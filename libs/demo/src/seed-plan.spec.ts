import { IdnAreaRegionDirectory } from '@jejak/journey/infrastructure/regions';
import { planChunk } from './chunk-plan';
import { decideChunk } from './decide-plan';
import { Prng } from './prng';

describe('the demo data plan', () => {
  const regions = IdnAreaRegionDirectory.loadSync();
  const context = (seed: number) => ({ prng: new Prng(seed), regions, today: '2026-11-01', now: '2026-11-01T03:00:00.000Z', usedNiks: new Set<string>() });

  it('is accepted by the real deciders, every command of every journey', () => {
    const { people, groups } = decideChunk(planChunk(context(7), 2000), { regions });
    expect(people).toHaveLength(2000);
    expect(groups.length).toBeGreaterThan(10);
  });

  it('is the same for the same seed and differs for another', () => {
    const ids = (seed: number) => planChunk(context(seed), 50).people.map((p) => p.entrepreneurId);
    expect(ids(1)).toEqual(ids(1));
    expect(ids(1)).not.toEqual(ids(2));
  });

  it('follows the funnel: all registered, about 80% trained, 30% funded, 25% monitored, 5% graduated, 5% withdrawn', () => {
    const { people } = decideChunk(planChunk(context(11), 5000), { regions });
    const share = (type: string) => people.filter((p) => p.events.some((e) => e.type === type)).length / people.length;
    expect(share('Registered')).toBe(1);
    expect(share('Trained')).toBeCloseTo(0.8, 1);
    expect(share('GrantReceived')).toBeCloseTo(0.3, 1);
    expect(share('Monitored')).toBeCloseTo(0.25, 1);
    expect(share('GraduatedToLanjutan')).toBeGreaterThan(0.03);
    expect(share('GraduatedToLanjutan')).toBeLessThan(0.06);
    expect(share('Withdrawn')).toBeCloseTo(0.05, 1);
  });

  it('places people in Kabupaten Bekasi and Kabupaten Tabalong, in real kecamatan', () => {
    const { people } = planChunk(context(3), 1000);
    const kecamatan = new Set(people.map((p) => p.kecamatanCode));
    expect([...kecamatan].every((k) => k.startsWith('32.16.') || k.startsWith('63.09.'))).toBe(true);
    expect([...kecamatan].filter((k) => k.startsWith('32.16.')).length).toBe(23);
  });

  it('groups TKM Pemula recipients in tens within one kecamatan, each member’s grant naming the kelompok they joined before it', () => {
    const { groups, people } = decideChunk(planChunk(context(5), 3000), { regions });
    const grantOf = new Map(people.flatMap((p) => p.events.filter((e) => e.type === 'GrantReceived').map((e) => [e.data.entrepreneurId, e.data] as const)));
    for (const g of groups) {
      const members = g.events.flatMap((e) => (e.type === 'MemberJoined' ? [e.data] : []));
      expect(members.length).toBeGreaterThan(0);
      expect(members.length).toBeLessThanOrEqual(10);
      for (const m of members) {
        expect(grantOf.get(m.entrepreneurId)?.groupId).toBe(g.subjectId);
        expect(m.joinedOn <= (grantOf.get(m.entrepreneurId)?.receivedOn ?? '')).toBe(true);
      }
    }
  });
});
