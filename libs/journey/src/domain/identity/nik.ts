import { type ErrorParams, type FieldIssue, InvalidDataError } from '../shared/domain-error';
import { ErrorCode } from '../shared/error-codes';
import { type IsoDate, isCalendarDate, isIsoDate } from '../shared/dates';
import { parseRegionCode } from './region-code';

/**
 * NIK, 16 digits `PPKKCC DDMMYY SSSS`: the kecamatan of first registration, the birth date
 * (day + 40 for women) and a serial from 0001. There is no check digit, so these are all the
 * checks there are. The region part is where the card was first issued, not an address, and
 * regions split while NIKs keep their old code: an unknown region is the caller's warning.
 */
export type Sex = 'F' | 'M';

export interface NikFacts {
  nik: string;
  /** kecamatan code `PP.KK.CC` of first registration, to look up and warn when unknown */
  regionCode: string;
  sex: Sex;
  birthDay: number;
  birthMonth: number;
  /** the NIK holds only two digits of the year */
  birthYearTwoDigits: number;
  serial: string;
}

export type NikCheck =
  | { valid: true; facts: NikFacts; issues: readonly [] }
  | { valid: false; issues: readonly FieldIssue[]; regionCode?: string };

export interface DeclaredIdentity {
  sex?: Sex;
  birthDate?: IsoDate;
}

const NIK = /^\d{16}$/;
const WOMEN_DAY_OFFSET = 40;

export function checkNik(nik: unknown, declared: DeclaredIdentity = {}): NikCheck {
  if (typeof nik !== 'string' || !NIK.test(nik)) return invalid([issue('nik', ErrorCode.NIK_FORMAT, 'NIK must be exactly 16 digits')]);
  const facts = readNik(nik);
  const issues = [...regionIssues(facts), ...birthIssues(facts, declared.birthDate), ...serialIssues(facts)];
  issues.push(...declaredIssues(facts, declared, issues));
  return issues.length === 0 ? { valid: true, facts, issues: [] } : { valid: false, issues, regionCode: facts.regionCode };
}

function readNik(nik: string): NikFacts {
  const rawDay = Number(nik.slice(6, 8));
  return {
    nik,
    regionCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`,
    sex: rawDay > WOMEN_DAY_OFFSET ? 'F' : 'M',
    birthDay: rawDay > WOMEN_DAY_OFFSET ? rawDay - WOMEN_DAY_OFFSET : rawDay,
    birthMonth: Number(nik.slice(8, 10)),
    birthYearTwoDigits: Number(nik.slice(10, 12)),
    serial: nik.slice(12),
  };
}

function regionIssues(f: NikFacts): FieldIssue[] {
  return parseRegionCode(f.regionCode) ? [] : [issue('nik', ErrorCode.NIK_FORMAT, `NIK region part ${f.regionCode} is not a kecamatan code`, { regionPart: f.regionCode })];
}

/** Days 32-40 belong to nobody; without the full year, Feb 29 is fine if any century allows it. */
function birthIssues(f: NikFacts, declaredBirthDate: IsoDate | undefined): FieldIssue[] {
  const years = centuryCandidates(f.birthYearTwoDigits, declaredBirthDate);
  const ok = years.some((y) => isCalendarDate(y, f.birthMonth, f.birthDay));
  return ok ? [] : [issue('nik', ErrorCode.NIK_BIRTH_DATE, 'NIK does not hold a valid birth date (DDMMYY, women DD + 40)')];
}

function centuryCandidates(yy: number, declaredBirthDate: IsoDate | undefined): number[] {
  const declaredYear = isIsoDate(declaredBirthDate) ? Number(declaredBirthDate.slice(0, 4)) : undefined;
  if (declaredYear !== undefined && declaredYear % 100 === yy) return [declaredYear];
  return [1900 + yy, 2000 + yy];
}

function serialIssues(f: NikFacts): FieldIssue[] {
  return f.serial === '0000' ? [issue('nik', ErrorCode.NIK_SERIAL, 'NIK serial starts at 0001')] : [];
}

/** Only compared when the NIK's own date is sound, so one mistake is reported once. */
function declaredIssues(f: NikFacts, declared: DeclaredIdentity, found: readonly FieldIssue[]): FieldIssue[] {
  if (found.some((i) => i.code === ErrorCode.NIK_BIRTH_DATE)) return [];
  const out: FieldIssue[] = [];
  if (declared.sex !== undefined && declared.sex !== f.sex)
    out.push(issue('sex', ErrorCode.NIK_SEX_MISMATCH, `sex ${declared.sex} does not match the NIK (${f.sex})`, { sex: declared.sex, nikSex: f.sex }));
  if (declared.birthDate !== undefined && !nikMatchesBirthDate(f, declared.birthDate))
    out.push(issue('birthDate', ErrorCode.NIK_BIRTH_DATE_MISMATCH, 'birthDate does not match the date in the NIK'));
  return out;
}

export function nikMatchesBirthDate(f: NikFacts, birthDate: IsoDate): boolean {
  if (!isIsoDate(birthDate)) return false;
  const [y, m, d] = birthDate.split('-').map(Number);
  return y % 100 === f.birthYearTwoDigits && m === f.birthMonth && d === f.birthDay;
}

function issue(field: string, code: string, message: string, params?: ErrorParams): FieldIssue {
  return params ? { field, code, message, params } : { field, code, message };
}

function invalid(issues: FieldIssue[]): NikCheck {
  return { valid: false, issues };
}

/** For deciders: a NIK that fails any check refuses the command with every issue listed. */
export function assertNik(nik: unknown, declared: DeclaredIdentity = {}): NikFacts {
  const check = checkNik(nik, declared);
  if (check.valid) return check.facts;
  const [first] = check.issues;
  throw new InvalidDataError(first.code, first.message, first.field, check.issues, first.params);
}
