import type { IsoDate } from '../../domain/shared/dates';

/**
 * Calendar months on an ISO date; the 31st plus one month is the last day of the next month,
 * the way a caseworker reads "three months after the grant".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const key = `${date}|${months}`;
  let found = memo.get(key);
  if (found === undefined) {
    // a rebuild asks for the same few thousand dates again and again
    if (memo.size > 50_000) memo.clear();
    found = computeAddMonths(date, months);
    memo.set(key, found);
  }
  return found;
}

const memo = new Map<string, IsoDate>();

function computeAddMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function laterDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

export function latestOf(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>(laterDate, null);
}
