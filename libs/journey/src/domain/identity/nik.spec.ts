import fc from 'fast-check';
import { checkNik } from './nik';
import { ErrorCode } from '../shared/error-codes';
import { nikFor } from '../testing/journey-test-kit';

const codesOf = (nik: unknown, declared = {}) => {
  const check = checkNik(nik, declared);
  return check.valid ? [] : check.issues.map((i) => i.code);
};

describe('a NIK', () => {
  it('reads back the region of first registration, sex and birth date', () => {
    expect(checkNik('3216015204980001')).toEqual({
      valid: true, issues: [],
      facts: { nik: '3216015204980001', regionCode: '32.16.01', sex: 'F', birthDay: 12, birthMonth: 4, birthYearTwoDigits: 98, serial: '0001' },
    });
  });

  it.each([
    ['15 digits', '321601520498000'],
    ['17 digits', '32160152049800011'],
    ['a letter', '32160152049800O1'],
    ['spaces', '3216 0152 0498 0001'],
    ['a number instead of a string', 3216015204980001],
    ['a region part that is no kecamatan code', '3200005204980001'],
  ])('of %s is malformed', (_what, nik) => {
    expect(codesOf(nik)).toContain(ErrorCode.NIK_FORMAT);
  });

  it.each([
    ['day 00', '3216010004980001', false],
    ['day 01 (a man, the 1st)', '3216010104980001', true],
    ['day 31 of a 31-day month', '3216013101980001', true],
    ['day 31 of April', '3216013104980001', false],
    ['day 32, between men and women: nobody', '3216013204980001', false],
    ['day 40, between men and women: nobody', '3216014004980001', false],
    ['day 41 (a woman, the 1st)', '3216014104980001', true],
    ['day 71 (a woman, the 31st) of January', '3216017101980001', true],
    ['day 72', '3216017201980001', false],
    ['month 00', '3216011500980001', false],
    ['month 13', '3216011513980001', false],
    ['29 February of year 00 (2000 was a leap year)', '3216012902000001', true],
    ['29 February of year 01', '3216012902010001', false],
  ])('with %s: valid birth date = %s', (_what, nik, valid) => {
    expect(codesOf(nik).includes(ErrorCode.NIK_BIRTH_DATE)).toBe(!valid);
  });

  it.each([
    ['0000', false],
    ['0001', true],
    ['9999', true],
  ])('with serial %s is valid: %s', (serial, valid) => {
    expect(codesOf(`321601520498${serial}`).includes(ErrorCode.NIK_SERIAL)).toBe(!valid);
  });

  it.each([
    ['a woman declared as a woman', { sex: 'F', birthDate: '1998-04-12' }, []],
    ['a woman declared as a man', { sex: 'M' }, [ErrorCode.NIK_SEX_MISMATCH]],
    ['a birth date one day off', { birthDate: '1998-04-13' }, [ErrorCode.NIK_BIRTH_DATE_MISMATCH]],
    ['a birth date a century off (the NIK holds two year digits: it matches)', { birthDate: '1898-04-12' }, []],
    ['a birth date in another year', { birthDate: '1999-04-12' }, [ErrorCode.NIK_BIRTH_DATE_MISMATCH]],
  ] as const)('compared with the registration form: %s', (_what, declared, codes) => {
    expect(codesOf('3216015204980001', declared)).toEqual(codes);
  });

  it('with an impossible date is reported once, not again as a mismatch with the form', () => {
    expect(codesOf('3216013204980001', { birthDate: '1998-04-32' as string, sex: 'F' })).toEqual([ErrorCode.NIK_BIRTH_DATE]);
  });

  it('built from any person round-trips: it is valid and agrees with that person', () => {
    const person = fc.record({
      birth: fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
      sex: fc.constantFrom('F' as const, 'M' as const),
      region: fc.tuple(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
        .map((parts) => parts.map((p) => String(p).padStart(2, '0')).join('')),
      serial: fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    });
    fc.assert(fc.property(person, ({ birth, sex, region, serial }) => {
      const birthDate = birth.toISOString().slice(0, 10);
      const check = checkNik(nikFor(birthDate, sex, region, serial), { sex, birthDate });
      expect(check.valid).toBe(true);
      if (check.valid) expect(check.facts).toMatchObject({ sex, serial, birthDay: birth.getUTCDate(), birthMonth: birth.getUTCMonth() + 1 });
    }));
  });

  it('of 16 random digits is judged without throwing, and a valid one always has a sound date', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
      const check = checkNik(nik);
      if (check.valid) expect(check.facts.birthDay).toBeGreaterThanOrEqual(1);
    }));
  });
});
