/** A calendar date `YYYY-MM-DD` (no time zone: the day the caseworker wrote on the form). */
export type IsoDate = string;
/** An instant, ISO-8601 string or Date, handed in by the application: the domain has no clock. */
export type Instant = string | Date;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/**
 * "Today" is taken in WIT (UTC+9), the easternmost Indonesian zone: a visit recorded at 08:00 in
 * Jayapura is dated today there while UTC is still yesterday. Accepting a date a few hours early
 * in the west is a smaller harm than refusing an honest same-day entry in the east.
 */
const LATEST_INDONESIAN_OFFSET_MS = 9 * 3_600_000;
/** Dates the domain fills in itself use WIB (UTC+7), so they are never later than the caseworker's own. */
const EARLIEST_INDONESIAN_OFFSET_MS = 7 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return m !== null && Number(m[1]) >= 1 && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Milliseconds since the epoch, or NaN when the instant is unusable. */
export function instantMs(now: Instant): number {
  if (now instanceof Date) return now.getTime();
  if (typeof now !== 'string') return Number.NaN;
  if (now !== lastInstant) lastInstantMs = Date.parse((lastInstant = now));
  return lastInstantMs;
}

/** The latest calendar date anywhere in Indonesia at `now`: the bound for "not in the future". */
export function latestIndonesianDate(now: Instant): IsoDate {
  return latestDateAt(instantMs(now) + LATEST_INDONESIAN_OFFSET_MS);
}

/** The earliest calendar date in Indonesia at `now`: the default when a command gives no date. */
export function earliestIndonesianDate(now: Instant): IsoDate {
  return earliestDateAt(instantMs(now) + EARLIEST_INDONESIAN_OFFSET_MS);
}

/*
 * One-entry memos of pure conversions. Every command of a request (and every command of a bulk
 * load such as the demo seed) carries the same `now`, and parsing and formatting it again per
 * rule showed up as a tenth of the seed's time. Same input, same output: purity is unchanged.
 */
let lastInstant: string | undefined;
let lastInstantMs = Number.NaN;
const latestDateAt = memoisedDateAt();
const earliestDateAt = memoisedDateAt();

function memoisedDateAt(): (ms: number) => IsoDate {
  let lastMs = Number.NaN;
  let lastDate: IsoDate = '';
  return (ms) => {
    if (ms !== lastMs) {
      // toISOString throws on NaN, as the unmemoised form did; remember only after it succeeded
      lastDate = new Date(ms).toISOString().slice(0, 10);
      lastMs = ms;
    }
    return lastDate;
  };
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO dates compare as strings; named so call sites read as the rule they state. */
export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return a < b;
}

export function latest(dates: readonly IsoDate[]): IsoDate | undefined {
  return dates.reduce<IsoDate | undefined>((max, d) => (max === undefined || d > max ? d : max), undefined);
}

export function earliest(dates: readonly IsoDate[]): IsoDate | undefined {
  return dates.reduce<IsoDate | undefined>((min, d) => (min === undefined || d < min ? d : min), undefined);
}
