import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { newDataKey, unwrapKey, wrapKey } from './crypto/aes-gcm';
import { envelopeOf, sealFields } from './envelope';
import { InvalidSubjectIdError, MasterKeyMismatchError, NikKeyMismatchError, SubjectErasedError } from './errors';
import { type CachedKey, KeyCache, type KeyCacheOptions } from './keys/key-cache';
import { DataKeyStore, type StoredKey } from './keys/data-key.store';
import type { PersonalDataSecrets } from './keys/master-key';
import { SubjectKeys } from './subject-keys';

/** new-person keys created per statement, and the reserve's size that starts the next */
const RESERVE_BATCH = 64;
const RESERVE_LOW = 16;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const wrapAad = (subjectId: string, version: number) => `jejak-dek:v1:${subjectId}:${version}`;

/**
 * Crypto-shredding (design.md "Personal data"): each person's fields are sealed with their own
 * AES-256-GCM data key, wrapped by the master key in personal_data_keys. Destroying the wrapped
 * key makes every copy of their data unreadable (events, snapshots, backups) without rewriting
 * the append-only log.
 */
export class PersonalDataVault {
  private readonly store: DataKeyStore;
  private readonly cache: KeyCache;
  /** new people's ids with their keys created and known in clear (newSubjectId) */
  private readonly reserve: { subjectId: string; key: Buffer }[] = [];
  private refilling: Promise<void> | undefined;

  constructor(
    pool: Pool,
    private readonly secrets: Pick<PersonalDataSecrets, 'masterKey' | 'masterKeyId' | 'nikKeyId'>,
    cache: KeyCacheOptions = {},
  ) {
    this.store = new DataKeyStore(pool);
    this.cache = new KeyCache(cache);
  }

  get cacheStats(): { size: number; hits: number; misses: number } {
    return { size: this.cache.size, hits: this.cache.hits, misses: this.cache.misses };
  }

  /**
   * Call at start-up: refuses to run with another master key than the one the database was filled
   * with, or another NIK HMAC key than the one its NIK registrations were claimed with. Returns
   * warnings for the operator: a database that holds NIK registrations but no record of their key
   * (one upgraded to this check) takes this process's key on trust.
   */
  async verifyKeys(): Promise<string[]> {
    const master = await this.store.registerMasterKey(this.secrets.masterKeyId);
    if (!master.known.includes(this.secrets.masterKeyId)) throw new MasterKeyMismatchError(master.known, this.secrets.masterKeyId);
    const nik = await this.store.registerNikKey(this.secrets.nikKeyId);
    if (!nik.known.includes(this.secrets.nikKeyId)) throw new NikKeyMismatchError(nik.known, this.secrets.nikKeyId);
    if (nik.adopted && (await this.store.hasNikClaims()))
      return [
        `NIK HMAC key ${this.secrets.nikKeyId} recorded for NIK registrations made before the database recorded their key: ` +
          'if JEJAK_NIK_HMAC_KEY changed since they were made, NIKs registered before can register again; check it is the original',
      ];
    return [];
  }

  /**
   * Moves `fieldNames` (those present) into one sealed `_pii` envelope. Creates the person's key
   * on first use; refuses when it was destroyed.
   */
  async encryptFields<T extends object>(subjectId: string, data: T, fieldNames: readonly string[]): Promise<T> {
    assertSubject(subjectId);
    if (!fieldNames.some((f) => (data as Record<string, unknown>)[f] !== undefined)) return data;
    const key = await this.liveKey(subjectId);
    return sealFields(subjectId, key.key, key.version, data, fieldNames);
  }

  /** The data with its personal fields restored, or without them and marked `_erased: true`. */
  async decrypt<T extends object>(subjectId: string, data: T): Promise<T> {
    const envelope = envelopeOf(data);
    if (!envelope) return data;
    if (envelope.sub !== subjectId) throw new Error(`the sealed data belongs to ${envelope.sub}, not ${subjectId}`);
    return (await this.keysFor([subjectId])).open(data);
  }

  /** One query for the cache misses among `subjectIds`; the result opens their data synchronously. */
  async keysFor(subjectIds: Iterable<string>): Promise<SubjectKeys> {
    const found = new Map<string, CachedKey>();
    const missing: string[] = [];
    for (const id of new Set(subjectIds)) {
      assertSubject(id);
      const cached = this.cache.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    for (const row of await this.store.find(missing)) found.set(row.subjectId, this.remember(row));
    return new SubjectKeys(found);
  }

  /**
   * Sealing for many people at once (imports, the demo seed): the keys they lack are created in
   * one statement, then each seal is synchronous. Refuses, per person, when a key was destroyed.
   */
  async sealerFor(subjectIds: Iterable<string>): Promise<<T extends object>(subjectId: string, data: T, fieldNames: readonly string[]) => T> {
    const ids = [...new Set(subjectIds)];
    ids.forEach(assertSubject);
    await this.createKeys(ids.filter((id) => !this.cache.get(id)));
    return (subjectId, data, fieldNames) => {
      const known = this.cache.get(subjectId);
      if (!known) throw new Error(`no key prepared for ${subjectId}: include it in sealerFor()`);
      if (known.state === 'erased') throw new SubjectErasedError(subjectId);
      return sealFields(subjectId, known.key, known.version, data, fieldNames);
    };
  }

  /**
   * The id of a new person whose data key exists already: a registration seals the person's
   * fields without a round trip of its own for the key (the key and the events used to be two
   * commits per registration). Ids come from a reserve created RESERVE_BATCH at a time in one
   * statement, refilled in the background; an id never used leaves a key row for nobody, which
   * holds no personal data.
   */
  async newSubjectId(): Promise<string> {
    if (this.reserve.length <= RESERVE_LOW) this.refillReserve().catch(() => undefined); // a failure is met by the wait below
    while (this.reserve.length === 0) await this.refillReserve();
    const { subjectId, key } = this.reserve.shift()!;
    this.cache.set(subjectId, { state: 'live', key, version: 1 });
    return subjectId;
  }

  private refillReserve(): Promise<void> {
    // not cached until handed out: the reserve must not push real people's keys out of the cache
    this.refilling ??= this.createKeys(Array.from({ length: RESERVE_BATCH }, () => randomUUID()), false)
      .then((created) => void this.reserve.push(...created))
      .finally(() => (this.refilling = undefined));
    return this.refilling;
  }

  /** Creates keys for people who have none, in one statement, and caches every key found (`cache`). Returns the ones created here. */
  private async createKeys(subjectIds: readonly string[], cache = true): Promise<{ subjectId: string; key: Buffer }[]> {
    const fresh = new Map<string, { key: Buffer; wrapped: Buffer }>();
    for (const subjectId of subjectIds) {
      const key = newDataKey();
      fresh.set(subjectId, { key, wrapped: wrapKey(this.secrets.masterKey, key, wrapAad(subjectId, 1)) });
    }
    const rows = await this.store.createManyIfAbsent(
      [...fresh].map(([subjectId, { wrapped }]) => ({ subjectId, wrapped })),
      this.secrets.masterKeyId,
    );
    const created: { subjectId: string; key: Buffer }[] = [];
    for (const row of rows) {
      // a key this call created is known in clear already: no need to unwrap what was just wrapped
      const mine = fresh.get(row.subjectId);
      if (mine && row.version === 1 && row.wrapped?.equals(mine.wrapped)) {
        if (cache) this.cache.set(row.subjectId, { state: 'live', key: mine.key, version: 1 });
        created.push({ subjectId: row.subjectId, key: mine.key });
      } else if (cache) this.remember(row);
    }
    return created;
  }

  /** Crypto-shredding: the key is destroyed for good; idempotent. */
  async erase(subjectId: string): Promise<{ destroyedAt: Date }> {
    assertSubject(subjectId);
    const destroyedAt = await this.store.destroy(subjectId, this.secrets.masterKeyId);
    this.cache.set(subjectId, { state: 'erased' });
    return { destroyedAt };
  }

  async isErased(subjectId: string): Promise<boolean> {
    return (await this.keysFor([subjectId])).isErased(subjectId);
  }

  /** Envelope of sealed data, exposed for audits ("is this event's personal data sealed?"). */
  static isSealed(data: unknown): boolean {
    return envelopeOf(data) !== undefined;
  }

  private async liveKey(subjectId: string): Promise<{ key: Buffer; version: number }> {
    let known = this.cache.get(subjectId);
    if (!known) {
      const wrapped = wrapKey(this.secrets.masterKey, newDataKey(), wrapAad(subjectId, 1));
      known = this.remember(await this.store.createIfAbsent(subjectId, wrapped, this.secrets.masterKeyId));
    }
    if (known.state === 'erased') throw new SubjectErasedError(subjectId);
    return known;
  }

  private remember(row: StoredKey): CachedKey {
    const value: CachedKey = row.wrapped
      ? { state: 'live', key: unwrapKey(this.secrets.masterKey, row.wrapped, wrapAad(row.subjectId, row.version)), version: row.version }
      : { state: 'erased' };
    this.cache.set(row.subjectId, value);
    return value;
  }
}

function assertSubject(subjectId: string): void {
  if (typeof subjectId !== 'string' || !UUID.test(subjectId)) throw new InvalidSubjectIdError(subjectId);
}
