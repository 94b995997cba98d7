import { ID, SITI, TOMORROW, commands, given, history, nikFor, registered } from '../testing/journey-test-kit';
import { ErrorCode } from '../shared/error-codes';

describe('a registered entrepreneur', () => {
  describe('has the profile corrected', () => {
    it('with only the fields that change, plus the reason', () => {
      expect(given(history.registered()).when(commands.correct({ fullName: 'Siti Aminah Lubis', sex: 'F', phone: '0813' }))).toEqual([{
        type: 'ProfileCorrected', data: { entrepreneurId: ID, fullName: 'Siti Aminah Lubis', phone: '0813', reason: 'salah ketik' },
      }]);
    });

    it('moving kecamatan, with the new kecamatan for statistics', () => {
      const [event] = given(history.registered()).when(commands.correct({ regionCode: '32.16.02' }));
      expect(event.data).toMatchObject({ regionCode: '32.16.02', kecamatanCode: '32.16.02' });
    });

    it('moving to a village of the same kecamatan, which leaves the kecamatan as it was', () => {
      const [event] = given(history.registered()).when(commands.correct({ regionCode: '32.16.01.2001' }));
      expect(event.data).toEqual({ entrepreneurId: ID, regionCode: '32.16.01.2001', reason: 'salah ketik' });
    });

    it('fixing the birth date and sex together when the NIK was right and the form wrong', () => {
      const events = [registered({ birthDate: '1998-04-13', sex: 'M', birthYear: 1998 })];
      const [event] = given(events).when(commands.correct({ birthDate: SITI.birthDate, sex: 'F' }));
      expect(event.data).toMatchObject({ birthDate: SITI.birthDate, sex: 'F' });
    });

    it('to another century the NIK allows (it holds two digits of the year), with the new birth year for statistics', () => {
      const nik = nikFor('2001-04-12', 'F');
      const events = [registered({ nik, birthDate: '1901-04-12', birthYear: 1901 })];
      const [event] = given(events).when(commands.correct({ birthDate: '2001-04-12' }));
      expect(event.data).toEqual({ entrepreneurId: ID, birthDate: '2001-04-12', birthYear: 2001, reason: 'salah ketik' });
    });

    it('that changes nothing took effect already: no events', () => {
      expect(given(history.registered()).when(commands.correct({ fullName: SITI.fullName, regionCode: SITI.regionCode }))).toEqual([]);
    });

    it.each([
      ['no field at all', {}, ErrorCode.NOTHING_TO_CORRECT],
      ['no reason', { fullName: 'Siti', reason: '' }, ErrorCode.TEXT_REQUIRED],
      ['a sex that contradicts the NIK', { sex: 'M' as const }, ErrorCode.NIK_SEX_MISMATCH],
      ['a birth date that contradicts the NIK', { birthDate: '1998-04-13' }, ErrorCode.NIK_BIRTH_DATE_MISMATCH],
      ['a birth date in the future', { birthDate: TOMORROW }, ErrorCode.DATE_IN_FUTURE],
      ['an unknown kecamatan', { regionCode: '32.16.98' }, ErrorCode.REGION_UNKNOWN],
      ['an empty phone number', { phone: '' }, ErrorCode.TEXT_REQUIRED],
    ])('refused with %s', (_what, over, code) => {
      expect(given(history.registered()).refuses(commands.correct(over))).toMatchObject({ code, kind: 'invalid' });
    });

    it('cannot change the NIK: a correction has no such field, a wrong NIK is a new registration', () => {
      const cmd = { ...commands.correct({ fullName: 'Siti' }), nik: '3216015204980002' } as never;
      const [event] = given(history.registered()).when(cmd);
      expect(event.data).not.toHaveProperty('nik');
    });
  });

  describe('is assigned a caseworker', () => {
    it('the first time, with no previous caseworker', () => {
      expect(given(history.registered()).when(commands.assign('cw-1'))).toEqual([{ type: 'CaseworkerAssigned', data: { entrepreneurId: ID, caseworkerId: 'cw-1' } }]);
    });

    it('again, naming the previous caseworker', () => {
      const events = [...history.registered(), ...given(history.registered()).when(commands.assign('cw-1'))];
      expect(given(events).when(commands.assign('cw-2'))).toEqual([{
        type: 'CaseworkerAssigned', data: { entrepreneurId: ID, caseworkerId: 'cw-2', previousCaseworkerId: 'cw-1' },
      }]);
    });

    it('the same caseworker again took effect already: no events', () => {
      const events = [...history.registered(), ...given(history.registered()).when(commands.assign('cw-1'))];
      expect(given(events).when(commands.assign('cw-1'))).toEqual([]);
    });

    it('not with an empty id', () => {
      expect(given(history.registered()).refuses(commands.assign(''))).toMatchObject({ code: ErrorCode.TEXT_REQUIRED });
    });
  });
});
