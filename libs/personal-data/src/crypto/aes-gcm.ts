import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

/** AES-256-GCM with a random 96-bit IV: the NIST-recommended size, safe for 2^32 messages per key. */
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export interface Sealed {
  iv: Buffer;
  ct: Buffer;
  tag: Buffer;
}

/** `aad` binds the ciphertext to its owner: a ciphertext moved to another person fails to open. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  assertKey(key);
  const iv = randomSlice(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
}

/** Throws when the key is wrong or anything was altered (GCM authenticates iv, aad and ciphertext). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer {
  assertKey(key);
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ct), decipher.final()]);
}

/** Key wrap as one blob `iv || ct || tag`, the form stored in personal_data_keys.wrapped_key. */
export function wrapKey(masterKey: Buffer, dataKey: Buffer, aad: string): Buffer {
  const s = seal(masterKey, dataKey, aad);
  return Buffer.concat([s.iv, s.ct, s.tag]);
}

export function unwrapKey(masterKey: Buffer, wrapped: Buffer, aad: string): Buffer {
  if (wrapped.length !== IV_BYTES + KEY_BYTES + TAG_BYTES) throw new Error('wrapped key has the wrong length');
  const iv = wrapped.subarray(0, IV_BYTES);
  const ct = wrapped.subarray(IV_BYTES, IV_BYTES + KEY_BYTES);
  const tag = wrapped.subarray(IV_BYTES + KEY_BYTES);
  return open(masterKey, { iv, ct, tag }, aad);
}

export function newDataKey(): Buffer {
  // a copy: a key lives long (the key cache) and must not keep the shared pool alive
  return Buffer.from(randomSlice(KEY_BYTES));
}

/*
 * Random bytes drawn from the CSPRNG 8 KiB at a time: one call per IV cost more than the AES
 * itself when sealing millions of small records (imports, the demo seed). Every byte is handed
 * out once; a spent pool is replaced, never refilled in place, so earlier slices stay intact.
 */
const POOL_BYTES = 8192;
let pool = Buffer.alloc(0);
let used = 0;

function randomSlice(bytes: number): Buffer {
  if (used + bytes > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(POOL_BYTES));
    used = 0;
  }
  const slice = pool.subarray(used, used + bytes);
  used += bytes;
  return slice;
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256 needs a ${KEY_BYTES}-byte key, got ${key.length}`);
}
