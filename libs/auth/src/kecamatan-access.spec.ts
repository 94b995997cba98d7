import type { Actor } from './actor';
import { actorFromClaims } from './claims';
import { assertKecamatanAccess, canAccessRegion } from './kecamatan-access';

const caseworker = (kecamatan?: string[]): Actor => ({ id: 'siti', role: 'caseworker', roles: ['caseworker'], kecamatan });

describe('a caseworker limited to kecamatan', () => {
  it.each([
    ['32.16.01', true],
    ['32.16.01.2001', true],
    ['32.16.02', false],
    ['32.16.011', false],
    ['32.16', false],
  ])('touching region %s: allowed %s', (region, allowed) => {
    expect(canAccessRegion(caseworker(['32.16.01']), region)).toBe(allowed);
  });

  it('is refused with 403 AUTH.KECAMATAN_FORBIDDEN outside the token', () => {
    expect(() => assertKecamatanAccess(caseworker(['32.16.01']), '32.16.02')).toThrow(expect.objectContaining({ httpStatus: 403, code: 'AUTH.KECAMATAN_FORBIDDEN' }));
  });

  it('covers a whole regency when the claim names one', () => {
    expect(canAccessRegion(caseworker(['32.16']), '32.16.05.1002')).toBe(true);
  });

  it('has no limit without a kecamatan claim, and reaches nothing with an empty one', () => {
    expect(canAccessRegion(caseworker(undefined), '11.01.01')).toBe(true);
    expect(canAccessRegion(caseworker([]), '11.01.01')).toBe(false);
  });

  it('does not narrow auditors, who read everything', () => {
    expect(canAccessRegion({ id: 'a', role: 'auditor', roles: ['auditor'], kecamatan: ['32.16.01'] }, '11.01.01')).toBe(true);
  });
});

describe('reading the actor from token claims', () => {
  it('takes `role`, or else `roles`, ignoring roles of other applications', () => {
    expect(actorFromClaims({ sub: 'a', role: 'auditor' }, { kecamatan: 'kecamatan' }).roles).toEqual(['auditor']);
    expect(actorFromClaims({ sub: 'a', roles: ['uma_authorization', 'caseworker', 'supervisor'] }, { kecamatan: 'kecamatan' })).toMatchObject({
      role: 'caseworker',
      roles: ['caseworker', 'supervisor'],
    });
  });

  it('refuses an unreadable kecamatan claim rather than ignoring it', () => {
    expect(() => actorFromClaims({ sub: 'a', role: 'caseworker', kecamatan: [32] }, { kecamatan: 'kecamatan' })).toThrow(expect.objectContaining({ httpStatus: 401 }));
    expect(() => actorFromClaims({ sub: 'a', role: 'caseworker', kecamatan: ['Bekasi'] }, { kecamatan: 'kecamatan' })).toThrow(expect.objectContaining({ httpStatus: 401 }));
  });

  it('refuses a token without a subject', () => {
    expect(() => actorFromClaims({ role: 'caseworker' }, { kecamatan: 'kecamatan' })).toThrow(expect.objectContaining({ code: 'AUTH.TOKEN_INVALID' }));
  });
});
