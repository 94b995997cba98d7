import { CONTEXT, ID, NOW, SITI, SITI_NIK, TODAY, TOMORROW, commands, fakeRegions, given, history, nikFor } from '../testing/journey-test-kit';
import { ErrorCode } from '../shared/error-codes';

describe('a person not yet registered', () => {
  describe('registers', () => {
    it('and the case opens with the derived, non-personal facts statistics keep after erasure', () => {
      expect(given([]).when(commands.register({ phone: '081234567890', education: 'slta' }))).toEqual([{
        type: 'Registered',
        data: {
          entrepreneurId: ID, nik: SITI_NIK, ...SITI, phone: '081234567890', education: 'slta', registeredOn: '2024-01-10',
          birthYear: 1998, kecamatanCode: '32.16.01', nikRegionKnown: true,
        },
      }]);
    });

    it('dated today (WIB) when no registration date is given', () => {
      const [event] = given([]).when(commands.register({ registeredOn: undefined }));
      expect(event.data).toMatchObject({ registeredOn: TODAY });
    });

    it('in a village, counted in statistics under its kecamatan', () => {
      const [event] = given([]).when(commands.register({ regionCode: '32.16.01.2001' }));
      expect(event.data).toMatchObject({ regionCode: '32.16.01.2001', kecamatanCode: '32.16.01' });
    });

    it('with a NIK first issued in a region no longer on the list: a warning kept on the event, not a refusal', () => {
      const nik = nikFor(SITI.birthDate, 'F', '329901');
      const [event] = given([]).when(commands.register({ nik }));
      expect(event.data).toMatchObject({ nik, nikRegionKnown: false });
    });

    it.each([
      ['a man, day as is', '1990-07-09', 'M', '3216010907900001'],
      ['a woman, day + 40', '1990-07-09', 'F', '3216014907900001'],
      ['a woman born on the 31st, day 71', '2001-01-31', 'F', '3216017101010001'],
    ] as const)('with the NIK of %s', (_who, birthDate, sex, nik) => {
      expect(given([]).when(commands.register({ nik, birthDate, sex }))).toHaveLength(1);
    });
  });

  describe('is refused registration', () => {
    it.each([
      ['a NIK of 15 digits', { nik: '321601520498000' }, ErrorCode.NIK_FORMAT],
      ['a NIK with serial 0000', { nik: nikFor(SITI.birthDate, 'F', '321601', '0000') }, ErrorCode.NIK_SERIAL],
      ['a NIK whose sex disagrees with the declared sex', { nik: nikFor(SITI.birthDate, 'M') }, ErrorCode.NIK_SEX_MISMATCH],
      ['a NIK whose date disagrees with the declared birth date', { nik: nikFor('1998-04-13', 'F') }, ErrorCode.NIK_BIRTH_DATE_MISMATCH],
      ['a region code in BPS layout', { regionCode: '3216010' }, ErrorCode.REGION_FORMAT],
      ['a regency instead of a kecamatan', { regionCode: '32.16' }, ErrorCode.REGION_FORMAT],
      ['a kecamatan not on the Kemendagri list', { regionCode: '32.16.99' }, ErrorCode.REGION_UNKNOWN],
      ['an empty name', { fullName: '  ' }, ErrorCode.TEXT_REQUIRED],
      ['a birth date that is not a date', { birthDate: '1998-02-30' }, ErrorCode.DATE_FORMAT],
      ['a sex outside F/M', { sex: 'X' as never }, ErrorCode.VALUE_NOT_ALLOWED],
      ['an unknown education level', { education: 'phd' as never }, ErrorCode.VALUE_NOT_ALLOWED],
    ])('for %s', (_what, over, code) => {
      const error = given([]).refuses(commands.register(over));
      expect(error).toMatchObject({ code, kind: 'invalid' });
    });

    it('with a registration date before the birth date', () => {
      expect(given([]).refuses(commands.register({ registeredOn: '1998-04-11' }))).toMatchObject({ code: ErrorCode.DATE_BEFORE_MILESTONE });
    });

    it('with every NIK issue listed at once', () => {
      const error = given([]).refuses(commands.register({ nik: '3216013204980000' }));
      expect(error.issues.map((i) => i.code)).toEqual([ErrorCode.NIK_BIRTH_DATE, ErrorCode.NIK_SERIAL]);
    });

    it('when `now` is not an instant: a wiring mistake reported as invalid data', () => {
      expect(given([]).refuses({ ...commands.register(), now: 'yesterday' })).toMatchObject({ code: ErrorCode.INVALID_NOW });
    });
  });

  it.each([
    ['today', TODAY, true],
    ['tomorrow', TOMORROW, false],
  ])('registers with a registration date of %s (%s) only if it is not in the future', (_when, registeredOn) => {
    if (registeredOn === TODAY) expect(given([]).when(commands.register({ registeredOn }))).toHaveLength(1);
    else expect(given([]).refuses(commands.register({ registeredOn }))).toMatchObject({ code: ErrorCode.DATE_IN_FUTURE, kind: 'invalid' });
  });

  it.each([
    ['a training', commands.train()],
    ['a grant', commands.grant()],
    ['a monitoring visit', commands.visit()],
    ['a graduation', commands.graduate()],
    ['a withdrawal', commands.withdraw()],
    ['a correction', commands.correct({ fullName: 'Siti' })],
    ['a caseworker', commands.assign()],
    ['an erasure', commands.erase()],
  ])('cannot receive %s: there is no such case', (_what, cmd) => {
    expect(given([]).refuses(cmd)).toMatchObject({ code: ErrorCode.NOT_FOUND, kind: 'not_found' });
  });

  it('needs the region directory to register: a missing one is a wiring error, not a user error', () => {
    expect(() => given([], {}).when(commands.register())).toThrow(/RegionDirectory/);
  });
});

describe('an entrepreneur already registered', () => {
  it('cannot register again under the same id', () => {
    expect(given(history.registered()).refuses(commands.register())).toMatchObject({ code: ErrorCode.ALREADY_REGISTERED, kind: 'conflict' });
  });

  it('cannot register again even after erasure', () => {
    expect(given(history.erased(), { regions: fakeRegions(['32.16.01']) }).refuses(commands.register())).toMatchObject({ code: ErrorCode.ALREADY_REGISTERED });
  });

  it('keeps `now` out of the event: the domain has no clock of its own', () => {
    const [event] = given([], CONTEXT).when(commands.register());
    expect(JSON.stringify(event)).not.toContain(NOW);
  });
});
