/** A small, fast, seedable generator (mulberry32): the same seed gives the same demo data. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** a version-4-shaped uuid from the generator, so ids are reproducible too */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () => (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/**
 * Days arithmetic on `YYYY-MM-DD` strings, in UTC. Demo data uses a few thousand distinct dates
 * millions of times, so both directions are memoised (a Date per call dominated the profile).
 */
const dayOf = new Map<string, number>();
const dateOf = new Map<number, string>();

function toDay(date: string): number {
  let d = dayOf.get(date);
  if (d === undefined) dayOf.set(date, (d = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000)));
  return d;
}

function fromDay(day: number): string {
  let s = dateOf.get(day);
  if (s === undefined) dateOf.set(day, (s = new Date(day * 86_400_000).toISOString().slice(0, 10)));
  return s;
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}
