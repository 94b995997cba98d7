import { randomBytes, randomUUID } from 'node:crypto';
import { isOperatorFixable, runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { eventStoreMigrations, PostgresEventStore, UniqueClaimViolationError } from '@jejak/event-store';
import type { Pool } from 'pg';
import { secretsOf } from './keys/master-key';
import { personalDataMigrations } from './migrations';
import { NikHasher } from './nik-hasher';
import { PersonalDataVault } from './personal-data.vault';
import { MasterKeyMismatchError, NikKeyMismatchError, SubjectErasedError } from './errors';

const PERSONAL = ['nik', 'fullName', 'phone'];
const registration = () => ({
  entrepreneurId: randomUUID(),
  nik: '3216014512900001',
  fullName: 'Siti Rahayu',
  phone: '081234567890',
  sex: 'F',
  birthYear: 1990,
});

function secrets(master: Buffer = randomBytes(32), nikHmacKey?: Buffer) {
  return secretsOf(master, nikHmacKey);
}

describe('personal data vault', () => {
  let db: TestDatabase;
  let pool: Pool;
  const master = secrets();
  let vault: PersonalDataVault;

  beforeAll(async () => {
    db = await createTestDatabase('pii');
    await runMigrations(db.url, [...eventStoreMigrations, ...personalDataMigrations]);
    pool = db.pool();
    vault = new PersonalDataVault(pool, master);
    await vault.verifyKeys();
  });
  afterAll(() => db.drop());

  it('seals the personal fields into one envelope and keeps the statistics readable', async () => {
    const data = registration();
    const sealed = await vault.encryptFields(data.entrepreneurId, data, PERSONAL);
    const raw = JSON.stringify(sealed);
    for (const secret of ['3216014512900001', 'Siti', '081234567890']) expect(raw).not.toContain(secret);
    expect(sealed).toMatchObject({ entrepreneurId: data.entrepreneurId, sex: 'F', birthYear: 1990, _pii: { v: 1, sub: data.entrepreneurId } });
    expect(Object.keys(sealed)).not.toEqual(expect.arrayContaining(['nik', 'fullName', 'phone']));
  });

  it('restores exactly what was sealed, in this process and in a fresh one', async () => {
    const data = registration();
    const sealed = await vault.encryptFields(data.entrepreneurId, data, PERSONAL);
    expect(await vault.decrypt(data.entrepreneurId, sealed)).toEqual(data);
    const otherProcess = new PersonalDataVault(pool, master);
    expect(await otherProcess.decrypt(data.entrepreneurId, sealed)).toEqual(data);
  });

  it('prepares keys for many people in one go, seals synchronously, and refuses an erased person', async () => {
    const people = Array.from({ length: 50 }, registration);
    const erased = people[7].entrepreneurId;
    await vault.erase(erased);
    const seal = await new PersonalDataVault(pool, master).sealerFor(people.map((p) => p.entrepreneurId));
    const sealed = people.filter((p) => p.entrepreneurId !== erased).map((p) => seal(p.entrepreneurId, p, PERSONAL));
    expect(JSON.stringify(sealed)).not.toContain('Siti');
    for (const [i, s] of sealed.entries()) expect(await vault.decrypt(s.entrepreneurId, s)).toEqual(people.filter((p) => p.entrepreneurId !== erased)[i]);
    expect(() => seal(erased, people[7], PERSONAL)).toThrow(SubjectErasedError);
  });

  it('leaves data without personal fields untouched', async () => {
    const data = { entrepreneurId: randomUUID(), amount: 20_000_000 };
    expect(await vault.encryptFields(data.entrepreneurId, data, ['notes'])).toBe(data);
  });

  it('refuses to open one person’s envelope as another’s', async () => {
    const a = registration();
    const b = registration();
    const sealedA = await vault.encryptFields(a.entrepreneurId, a, PERSONAL);
    await vault.encryptFields(b.entrepreneurId, b, PERSONAL);
    const envelope = (sealedA as unknown as { _pii: object })._pii;
    const forged = { ...sealedA, _pii: { ...envelope, sub: b.entrepreneurId } };
    await expect(vault.decrypt(b.entrepreneurId, forged)).rejects.toThrow();
  });

  it('after erasure the data opens without its personal fields, marked erased, and nothing personal can be written', async () => {
    const data = registration();
    const sealed = await vault.encryptFields(data.entrepreneurId, data, PERSONAL);
    await vault.erase(data.entrepreneurId);
    const fresh = new PersonalDataVault(pool, master);
    for (const v of [vault, fresh]) {
      expect(await v.decrypt(data.entrepreneurId, sealed)).toEqual({ entrepreneurId: data.entrepreneurId, sex: 'F', birthYear: 1990, _erased: true });
      await expect(v.encryptFields(data.entrepreneurId, data, PERSONAL)).rejects.toBeInstanceOf(SubjectErasedError);
    }
    const { rows } = await pool.query('SELECT wrapped_key, destroyed_at FROM personal_data_keys WHERE subject_id = $1', [data.entrepreneurId]);
    expect(rows[0].wrapped_key).toBeNull();
    expect(rows[0].destroyed_at).toBeInstanceOf(Date);
  });

  it('erasing twice keeps the first destruction time', async () => {
    const data = registration();
    await vault.encryptFields(data.entrepreneurId, data, PERSONAL);
    const first = await vault.erase(data.entrepreneurId);
    const second = await vault.erase(data.entrepreneurId);
    expect(second.destroyedAt).toEqual(first.destroyedAt);
  });

  it('erasing a person who never had a key still closes them to personal data', async () => {
    const id = randomUUID();
    await vault.erase(id);
    await expect(new PersonalDataVault(pool, master).encryptFields(id, { fullName: 'x' }, ['fullName'])).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it('the database refuses to restore a destroyed key or delete its record', async () => {
    const data = registration();
    await vault.encryptFields(data.entrepreneurId, data, PERSONAL);
    await vault.erase(data.entrepreneurId);
    await expect(pool.query(`UPDATE personal_data_keys SET wrapped_key = '\\x00', destroyed_at = NULL WHERE subject_id = $1`, [data.entrepreneurId])).rejects.toThrow(/cannot be restored/);
    await expect(pool.query('DELETE FROM personal_data_keys WHERE subject_id = $1', [data.entrepreneurId])).rejects.toThrow(/cannot be restored/);
  });

  it('loads the keys of a whole batch in one go and then opens synchronously', async () => {
    const people = Array.from({ length: 50 }, registration);
    const sealed = await Promise.all(people.map((p) => vault.encryptFields(p.entrepreneurId, p, PERSONAL)));
    const cold = new PersonalDataVault(pool, master);
    const queries = jest.spyOn(pool, 'query');
    const keys = await cold.keysFor(people.map((p) => p.entrepreneurId));
    expect(queries).toHaveBeenCalledTimes(1);
    queries.mockRestore();
    expect(sealed.map((s) => keys.open(s))).toEqual(people);
    expect(cold.cacheStats).toMatchObject({ size: 50, misses: 50 });
  });

  it('hands out new people whose keys exist already: sealing a registration needs no round trip, and a fresh process opens it', async () => {
    const fresh = new PersonalDataVault(pool, master);
    const queries = jest.spyOn(pool, 'query');
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push(await fresh.newSubjectId());
    // 100 new people: their keys were created a batch (64) at a time, not one statement each
    expect(queries.mock.calls.length).toBeLessThanOrEqual(3);
    expect(new Set(ids).size).toBe(100);
    queries.mockClear();
    const data = { ...registration(), entrepreneurId: ids[99] };
    const sealed = await fresh.encryptFields(ids[99], data, PERSONAL);
    expect(queries).not.toHaveBeenCalled();
    queries.mockRestore();
    expect(JSON.stringify(sealed)).not.toContain('Siti');
    expect(await new PersonalDataVault(pool, master).decrypt(ids[99], sealed)).toEqual(data);
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM personal_data_keys WHERE subject_id = ANY($1::uuid[])', [ids]);
    expect(rows[0].n).toBe(100);
  });

  it('a process with another master key refuses to start on this database', async () => {
    const stranger = new PersonalDataVault(pool, secrets());
    const refused = await stranger.verifyKeys().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MasterKeyMismatchError);
    // start-up prints its message alone, as for a bad setting: the operator has a key to put back, not a bug to report
    expect(isOperatorFixable(refused)).toBe(true);
    expect(isOperatorFixable(new Error('a bug'))).toBe(false);
  });

  it('warns when it records the NIK key of a database that holds NIK registrations already (one upgraded to the check)', async () => {
    const upgraded = await createTestDatabase('pii_upgrade');
    try {
      await runMigrations(upgraded.url, [...eventStoreMigrations, ...personalDataMigrations]);
      const p = upgraded.pool(2);
      const keys = secrets();
      expect(await new PersonalDataVault(p, keys).verifyKeys()).toEqual([]); // a new database: nothing to warn about
      await p.query(`INSERT INTO unique_claims (scope, key, stream_id) VALUES ('nik', 'abc', 'entrepreneur-x')`);
      await p.query('DELETE FROM personal_data_nik_keys'); // as before the check existed
      expect(await new PersonalDataVault(p, keys).verifyKeys()).toEqual([expect.stringContaining(`NIK HMAC key ${keys.nikKeyId} recorded for NIK registrations made before`)]);
      expect(await new PersonalDataVault(p, keys).verifyKeys()).toEqual([]); // recorded now: said once
      await p.end();
    } finally {
      await upgraded.drop();
    }
  });

  it('a process with the right master key but another NIK HMAC key refuses to start: a registered NIK could register again', async () => {
    const otherNikKey = new PersonalDataVault(pool, secrets(master.masterKey, randomBytes(32)));
    const refused = otherNikKey.verifyKeys();
    await expect(refused).rejects.toBeInstanceOf(NikKeyMismatchError);
    await expect(refused).rejects.toThrow(/JEJAK_NIK_HMAC_KEY/);
    // the NIK key derived from the same master key, as at the first start, is the one on record
    await expect(new PersonalDataVault(pool, secrets(master.masterKey)).verifyKeys()).resolves.toEqual([]);
  });

  it('one NIK registers once: its HMAC claim is refused for a second stream in the append transaction', async () => {
    const hasher = new NikHasher(randomBytes(32));
    const store = new PostgresEventStore(pool);
    const event = () => ({
      id: randomUUID(), type: 'Registered', schemaVersion: 1, data: {},
      metadata: { actorId: 'cw', actorRole: 'caseworker', correlationId: 'c', causationId: 'c', occurredAt: new Date().toISOString() },
    });
    const claim = hasher.claim('3216014512900001');
    expect(claim.key).not.toContain('3216014512900001');
    await store.append(`entrepreneur-${randomUUID()}`, [event()], { expectedVersion: 'no_stream', claims: [claim] });
    const second = `entrepreneur-${randomUUID()}`;
    await expect(store.append(second, [event()], { expectedVersion: 'no_stream', claims: [claim] })).rejects.toBeInstanceOf(UniqueClaimViolationError);
    expect(await store.readStream(second)).toEqual([]);
  });
});
