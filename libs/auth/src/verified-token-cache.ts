import type { JWTPayload } from './jose';

export interface VerifiedTokenCacheOptions {
  /** tokens kept at most; the oldest is dropped first */
  maxEntries?: number;
  /** how long a verified token is trusted without checking its signature again, at most (ms) */
  maxAgeMs?: number;
  /** the clock, for tests; the verifier hands jose the same clock */
  now?: () => number;
}

interface Entry {
  payload: JWTPayload;
  /** ms since the epoch after which the token must be verified again */
  until: number;
}

/**
 * The payloads of tokens whose signature and claims were verified, keyed by the token itself.
 * A browser sends the same token with every request for its lifetime; verifying it once instead
 * of every time saves the signature check (about a tenth of the server's CPU per command).
 *
 * Only successfully verified tokens are kept, each until the earlier of its expiry (plus the
 * verifier's clock tolerance, as jose would accept it) and `maxAgeMs`. The age bound keeps a
 * token trusted no longer than jose keeps a provider's key set, so a key the provider withdraws
 * stops being honoured about as soon as it would without the cache. Refused tokens are never
 * kept: each attempt is verified, and refused, again.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  readonly now: () => number;

  constructor(opts: VerifiedTokenCacheOptions = {}) {
    this.maxEntries = opts.maxEntries ?? 5000;
    this.maxAgeMs = opts.maxAgeMs ?? 5 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** the payload of a token verified before and still within its time, else undefined */
  get(token: string): JWTPayload | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() > entry.until) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.payload;
  }

  /** keeps a token that was just verified; `toleranceSeconds` is the verifier's clock tolerance */
  put(token: string, payload: JWTPayload, toleranceSeconds: number): JWTPayload {
    // verified tokens always carry exp (requiredClaims); without it, nothing is kept
    if (typeof payload.exp !== 'number') return payload;
    const now = this.now();
    const until = Math.min((payload.exp + toleranceSeconds) * 1000, now + this.maxAgeMs);
    if (until <= now) return payload;
    if (this.entries.size >= this.maxEntries && !this.entries.has(token)) {
      // Map keeps insertion order: the first key is the oldest
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { payload, until });
    return payload;
  }
}
