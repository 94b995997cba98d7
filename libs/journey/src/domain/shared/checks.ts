import { ConflictError, InvalidDataError, type ErrorParams } from './domain-error';
import { ErrorCode } from './error-codes';
import { type Instant, type IsoDate, latestIndonesianDate, instantMs, isBefore, isIsoDate } from './dates';

/** Named checks shared by the deciders. Each throws a typed DomainError or returns quietly. */

/** What a date may not precede, by key, with its name in the English message. */
export const MILESTONES = {
  birthDate: 'birthDate',
  startedOn: 'startedOn',
  registration: 'registration',
  firstCompletedTraining: 'the first completed training',
  firstGrant: 'the first grant',
  pemulaGrant: 'the TKM Pemula grant',
  graduation: 'graduation',
  latestMilestone: 'the latest recorded milestone',
  groupFormed: 'the forming of the group',
  restriction: 'the restriction of processing',
} as const;
export type Milestone = keyof typeof MILESTONES;

export function assertValidNow(now: Instant): void {
  if (Number.isNaN(instantMs(now))) throw new InvalidDataError(ErrorCode.INVALID_NOW, 'command.now must be an ISO-8601 instant');
}

export function assertIsoDate(field: string, value: unknown): asserts value is IsoDate {
  if (!isIsoDate(value)) throw new InvalidDataError(ErrorCode.DATE_FORMAT, `${field} must be a calendar date YYYY-MM-DD`, field);
}

export function assertNotInFuture(field: string, date: IsoDate, now: Instant): void {
  assertValidNow(now);
  if (isBefore(latestIndonesianDate(now), date)) throw new InvalidDataError(ErrorCode.DATE_IN_FUTURE, `${field} ${date} is in the future`, field, undefined, { date });
}

/** A date that is both well-formed and not later than today. */
export function assertPastDate(field: string, value: unknown, now: Instant): asserts value is IsoDate {
  assertIsoDate(field, value);
  assertNotInFuture(field, value, now);
}

/** The date conflicts with what the case already holds, so it is a 409 rather than bad data. */
export function assertNotBefore(field: string, date: IsoDate, milestone: Milestone, milestoneDate: IsoDate): void {
  if (isBefore(date, milestoneDate))
    throw new ConflictError(ErrorCode.DATE_BEFORE_MILESTONE, `${field} ${date} is before ${MILESTONES[milestone]} (${milestoneDate})`, field, { date, milestone, milestoneDate });
}

export function assertPositiveAmount(field: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1)
    throw new InvalidDataError(ErrorCode.AMOUNT_NOT_POSITIVE, `${field} must be a positive whole number of rupiah`, field);
}

export function assertNonNegativeInteger(field: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw new InvalidDataError(ErrorCode.NUMBER_INVALID, `${field} must be a whole number, 0 or more`, field, undefined, { min: 0 });
}

export function assertPositiveInteger(field: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1)
    throw new InvalidDataError(ErrorCode.NUMBER_INVALID, `${field} must be a whole number, 1 or more`, field, undefined, { min: 1 });
}

export function assertText(field: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw new InvalidDataError(ErrorCode.TEXT_REQUIRED, `${field} is required`, field);
}

export function assertBoolean(field: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean')
    throw new InvalidDataError(ErrorCode.VALUE_NOT_ALLOWED, `${field} must be true or false`, field, undefined, { allowed: ['true', 'false'] });
}

export function assertOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new InvalidDataError(ErrorCode.VALUE_NOT_ALLOWED, `${field} must be one of ${allowed.join(', ')}`, field, undefined, { allowed });
}

/** Optional fields are checked only when present; absent and undefined mean the same. */
export function ifPresent<T>(value: T | undefined, check: (v: T) => void): void {
  if (value !== undefined) check(value);
}

export function conflict(code: string, message: string, field?: string, params?: ErrorParams): never {
  throw new ConflictError(code, message, field, params);
}
