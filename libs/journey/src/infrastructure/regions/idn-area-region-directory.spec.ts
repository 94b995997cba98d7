import { IdnAreaRegionDirectory } from './idn-area-region-directory';

describe('the Kemendagri region directory from idn-area-data', () => {
  let regions: IdnAreaRegionDirectory;
  beforeAll(async () => {
    regions = await IdnAreaRegionDirectory.load();
  });

  it('is loaded once per process', async () => {
    expect(await IdnAreaRegionDirectory.load()).toBe(regions);
  });

  it('holds every level of the national list', () => {
    expect(regions.count('province')).toBe(38);
    expect(regions.count('regency')).toBeGreaterThanOrEqual(514);
    expect(regions.count('district')).toBeGreaterThan(7_000);
    expect(regions.count('village')).toBeGreaterThan(80_000);
  });

  it('knows Kabupaten Bekasi and its 23 kecamatan', () => {
    expect(regions.find('32.16')).toMatchObject({ name: 'KABUPATEN BEKASI', level: 'regency', parentCode: '32' });
    const kecamatan = regions.districtsOf('32.16');
    expect(kecamatan).toHaveLength(23);
    expect(kecamatan[0]).toMatchObject({ code: '32.16.01', level: 'district', parentCode: '32.16' });
    expect(kecamatan.map((k) => k.name)).toEqual(expect.arrayContaining(['Tarumajaya', 'Cikarang Utara', 'Tambun Selatan']));
  });

  it('lists the villages of a kecamatan, each pointing back to it', () => {
    const villages = regions.villagesOf('32.16.01');
    expect(villages.length).toBeGreaterThan(5);
    for (const v of villages) expect(v).toMatchObject({ level: 'village', parentCode: '32.16.01' });
    expect(regions.isKnown(villages[0].code)).toBe(true);
  });

  it('knows Kabupaten Tabalong (63.09) in Kalimantan Selatan', () => {
    expect(regions.find('63.09')).toMatchObject({ name: 'KABUPATEN TABALONG', parentCode: '63' });
    expect(regions.districtsOf('63.09').length).toBeGreaterThan(10);
  });

  it.each([
    ['a province', '32', true],
    ['a kota (regency numbers 71-99)', '32.75', true],
    ['a kecamatan', '32.16.01', true],
    ['a regency that does not exist', '32.99', false],
    ['a kecamatan that does not exist', '32.16.99', false],
    ['a village that does not exist', '32.16.01.9999', false],
    ['a BPS-style code without dots', '3216010', false],
  ])('answers whether %s (%s) is known: %s', (_what, code, known) => {
    expect(regions.isKnown(code)).toBe(known);
  });

  it('keeps village names that hold a literal quote intact', () => {
    expect(regions.find('35.13.15.2017')?.name).toBe('Soka"an');
  });

  it('answers a lookup in well under a microsecond on average', () => {
    const codes = regions.districtsOf('32.16').map((d) => d.code);
    const rounds = 100_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i += 1) regions.isKnown(codes[i % codes.length]);
    const nsPerLookup = Number(process.hrtime.bigint() - started) / rounds;
    expect(nsPerLookup).toBeLessThan(1_000);
  });
});
