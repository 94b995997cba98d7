import { createHmac } from 'node:crypto';

/** Scope of the NIK's row in the event store's unique_claims table. */
export const NIK_CLAIM_SCOPE = 'nik';

/**
 * The NIK is never an index key (design.md): the uniqueness claim holds its HMAC-SHA-256 under
 * a secret key, so the claims table alone cannot be reversed by enumerating the NIK space
 * (only ~10^10 plausible values, trivial for a plain hash).
 */
export class NikHasher {
  constructor(private readonly key: Buffer) {
    if (key.length < 32) throw new RangeError('the NIK HMAC key needs at least 32 bytes');
  }

  hash(nik: string): string {
    return createHmac('sha256', this.key).update(nik.trim(), 'utf8').digest('hex');
  }

  /** The claim passed in AppendOptions.claims, written in the same transaction as Registered. */
  claim(nik: string): { scope: string; key: string } {
    return { scope: NIK_CLAIM_SCOPE, key: this.hash(nik) };
  }
}
