import { InvalidDataError } from '../shared/domain-error';
import { ErrorCode } from '../shared/error-codes';

/**
 * Kemendagri region codes `PP.KK.CC.DDDD` (province.regency.district.village). BPS statistical
 * codes use another layout and must never be passed here: the dots and ranges tell them apart.
 */
export type RegionLevel = 'province' | 'regency' | 'district' | 'village';
export type RegencyKind = 'kabupaten' | 'kota';

export interface RegionCode {
  code: string;
  level: RegionLevel;
  provinceCode: string;
  regencyCode?: string;
  /** kecamatan `PP.KK.CC`, the finest level that statistics keep after an erasure */
  districtCode?: string;
  regencyKind?: RegencyKind;
}

const PROVINCE = '(1[1-9]|[2-9]\\d)';
const TWO = '(0[1-9]|[1-9]\\d)';
const VILLAGE = '((?!0000)\\d{4})';
const CODE = new RegExp(`^${PROVINCE}(?:\\.${TWO}(?:\\.${TWO}(?:\\.${VILLAGE})?)?)?$`);
const LEVELS: readonly RegionLevel[] = ['province', 'regency', 'district', 'village'];
/** Kota (cities) take regency numbers 71-99; kabupaten take the numbers below. */
const FIRST_KOTA_NUMBER = 71;

export function regencyKindOf(regencyNumber: string): RegencyKind {
  return Number(regencyNumber) >= FIRST_KOTA_NUMBER ? 'kota' : 'kabupaten';
}

export function parseRegionCode(code: unknown): RegionCode | undefined {
  if (typeof code !== 'string') return undefined;
  const m = CODE.exec(code);
  if (!m) return undefined;
  const parts = m.slice(1).filter((p): p is string => p !== undefined);
  return {
    code,
    level: LEVELS[parts.length - 1],
    provinceCode: parts[0],
    regencyCode: parts.length >= 2 ? parts.slice(0, 2).join('.') : undefined,
    districtCode: parts.length >= 3 ? parts.slice(0, 3).join('.') : undefined,
    regencyKind: parts.length >= 2 ? regencyKindOf(parts[1]) : undefined,
  };
}

/** Where a person lives must be at least a kecamatan, so statistics per kecamatan always work. */
export interface ResidenceRegion extends RegionCode {
  level: 'district' | 'village';
  regencyCode: string;
  districtCode: string;
  regencyKind: RegencyKind;
}

export function isResidenceRegion(region: RegionCode | undefined): region is ResidenceRegion {
  return region?.level === 'district' || region?.level === 'village';
}

export function assertResidenceRegion(field: string, code: unknown): ResidenceRegion {
  const region = parseRegionCode(code);
  if (!isResidenceRegion(region))
    throw new InvalidDataError(ErrorCode.REGION_FORMAT, `${field} must be a Kemendagri code PP.KK.CC or PP.KK.CC.DDDD`, field);
  return region;
}

/** The application looked the code up in the RegionDirectory; the domain only judges the answer. */
export function assertRegionKnown(field: string, code: string, known: boolean): void {
  if (!known) throw new InvalidDataError(ErrorCode.REGION_UNKNOWN, `${field} ${code} is not in the Kemendagri region list`, field, undefined, { code });
}
