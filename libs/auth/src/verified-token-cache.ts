import { ExpiringLru } from '@jejak/platform';
import type { JWTPayload } from './jose';

export interface VerifiedTokenCacheOptions {
  /** tokens kept at most; the least recently used is dropped first */
  maxEntries?: number;
  /** how long a verified token is trusted without checking its signature again, at most (ms) */
  maxAgeMs?: number;
  /** the clock, for tests; the verifier hands jose the same clock */
  now?: () => number;
}

/**
 * The payloads of tokens whose signature and claims were verified, keyed by the token itself.
 * A browser sends the same token with every request for its lifetime; verifying it once instead
 * of every time saves the signature check (about a tenth of the server's CPU per command).
 *
 * Only successfully verified tokens are kept (the least recently used goes first when full), each
 * until the earlier of its expiry (plus the verifier's clock tolerance, as jose would accept it) and
 * `maxAgeMs`. The age bound keeps a
 * token trusted no longer than jose keeps a provider's key set, so a key the provider withdraws
 * stops being honoured about as soon as it would without the cache. Refused tokens are never
 * kept: each attempt is verified, and refused, again.
 */
export class VerifiedTokenCache {
  private readonly entries: ExpiringLru<JWTPayload>;
  private readonly maxAgeMs: number;

  constructor(opts: VerifiedTokenCacheOptions = {}) {
    this.entries = new ExpiringLru(opts.maxEntries ?? 5000, opts.now);
    this.maxAgeMs = opts.maxAgeMs ?? 5 * 60_000;
  }

  /** the clock the cache judges expiry on; the verifier hands jose the same */
  get now(): () => number {
    return this.entries.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** the payload of a token verified before and still within its time, else undefined */
  get(token: string): JWTPayload | undefined {
    return this.entries.get(token);
  }

  /** keeps a token that was just verified; `toleranceSeconds` is the verifier's clock tolerance */
  put(token: string, payload: JWTPayload, toleranceSeconds: number): JWTPayload {
    // verified tokens always carry exp (requiredClaims); without it, nothing is kept
    if (typeof payload.exp !== 'number') return payload;
    const now = this.now();
    // valid through the last millisecond jose accepts: kept until the one after it
    const until = Math.min((payload.exp + toleranceSeconds) * 1000 + 1, now + this.maxAgeMs);
    if (until > now) this.entries.set(token, payload, until);
    return payload;
  }
}
