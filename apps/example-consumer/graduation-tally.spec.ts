import { GraduationTally } from './graduation-tally';

const registered = (id: string, entrepreneurId: string, kecamatanCode: string) => ({ id, type: 'jejak.journey.EntrepreneurRegistered.v1', data: { entrepreneurId, kecamatanCode } });
const graduated = (id: string, entrepreneurId: string) => ({ id, type: 'jejak.journey.GraduatedToLanjutan.v1', data: { entrepreneurId, graduatedOn: '2026-01-15' } });

describe('the graduation tally of the example consumer', () => {
  it('counts a graduation in the kecamatan the case is in', () => {
    const tally = new GraduationTally();
    tally.apply(registered('e1', 'a', '32.16.01'));
    tally.apply({ id: 'e2', type: 'jejak.journey.EntrepreneurRegionCorrected.v1', data: { entrepreneurId: 'a', kecamatanCode: '32.16.05' } });
    tally.apply(graduated('e3', 'a'));
    expect(tally.report().byKecamatan).toEqual({ '32.16.05': 1 });
  });

  it('ignores the same event delivered twice', () => {
    const tally = new GraduationTally();
    tally.apply(registered('e1', 'a', '32.16.01'));
    expect(tally.apply(graduated('e2', 'a'))).toBe(true);
    expect(tally.apply(graduated('e2', 'a'))).toBe(false);
    expect(tally.report()).toMatchObject({ total: 1, duplicatesIgnored: 1 });
  });

  it('forgets an erased person but keeps the statistics', () => {
    const tally = new GraduationTally();
    tally.apply(registered('e1', 'a', '32.16.01'));
    tally.apply(graduated('e2', 'a'));
    tally.apply({ id: 'e3', type: 'jejak.journey.PersonalDataErased.v1', data: { entrepreneurId: 'a' } });
    expect(tally.knows('a')).toBe(false);
    expect(tally.report().byKecamatan).toEqual({ '32.16.01': 1 });
  });
});
