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

  /**
   * A version-4-shaped uuid from the generator, so ids are reproducible too. Formatted through a
   * byte table: toString(16) and padStart per word cost more than the rest of planning a person.
   */
  uuid(): string {
    const a = this.word();
    const b = this.word();
    const c = this.word();
    const d = this.word();
    return (
      HEX[a >>> 24] + HEX[(a >>> 16) & 0xff] + HEX[(a >>> 8) & 0xff] + HEX[a & 0xff] + '-' +
      HEX[b >>> 24] + HEX[(b >>> 16) & 0xff] + '-4' + HEX[(b >>> 8) & 0xff][1] + HEX[b & 0xff] + '-' +
      VARIANT[c >>> 28] + HEX[(c >>> 24) & 0xff][1] + HEX[(c >>> 16) & 0xff] + '-' +
      HEX[(c >>> 8) & 0xff] + HEX[c & 0xff] + HEX[d >>> 24] + HEX[(d >>> 16) & 0xff] + HEX[(d >>> 8) & 0xff] + HEX[d & 0xff]
    );
  }

  private word(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** RFC 4122 variant: the top two bits of the nibble are 10 */
const VARIANT = Array.from({ length: 16 }, (_, n) => ((n & 0x3) | 0x8).toString(16));

/**
 * Day arithmetic on `YYYY-MM-DD` strings, in UTC. Demo data uses a few thousand distinct dates
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
