import { assertRegionKnown, assertResidenceRegion, parseRegionCode } from './region-code';
import { ErrorCode } from '../shared/error-codes';

describe('a Kemendagri region code', () => {
  it.each([
    ['32', 'province', undefined, undefined],
    ['32.16', 'regency', '32.16', undefined],
    ['32.16.01', 'district', '32.16', '32.16.01'],
    ['32.16.01.2001', 'village', '32.16', '32.16.01'],
  ])('%s is a %s', (code, level, regencyCode, districtCode) => {
    expect(parseRegionCode(code)).toMatchObject({ code, level, provinceCode: '32', regencyCode, districtCode });
  });

  it.each([
    ['32.16', 'kabupaten'],
    ['32.70', 'kabupaten'],
    ['32.71', 'kota'],
    ['32.75', 'kota'],
  ])('%s is a %s (kota take regency numbers 71-99)', (code, kind) => {
    expect(parseRegionCode(code)?.regencyKind).toBe(kind);
  });

  it.each(['3216', '3216010', '32.16.1', '32.16.01.001', '32.00', '10.16', '32.16.00', '32.16.01.0000', ' 32.16.01', 32.16])(
    '%p is not one (BPS layouts and zeros are refused)', (code) => {
      expect(parseRegionCode(code)).toBeUndefined();
    },
  );

  it.each([
    ['a kecamatan', '32.16.01', true],
    ['a village', '32.16.01.2001', true],
    ['a regency', '32.16', false],
    ['a province', '32', false],
  ])('as a place of residence, %s is precise enough: %s', (_what, code, ok) => {
    if (ok) expect(assertResidenceRegion('regionCode', code).districtCode).toBe('32.16.01');
    else expect(() => assertResidenceRegion('regionCode', code)).toThrow(expect.objectContaining({ code: ErrorCode.REGION_FORMAT, field: 'regionCode' }));
  });

  it('not on the list is refused as invalid data', () => {
    expect(() => assertRegionKnown('regionCode', '32.16.99', false)).toThrow(expect.objectContaining({ code: ErrorCode.REGION_UNKNOWN, kind: 'invalid' }));
  });
});
