import { randomBytes } from 'node:crypto';
import { eventStoreMigrations, PostgresEventStore } from '@jejak/event-store';
import { IdnAreaRegionDirectory } from '@jejak/journey/infrastructure/regions';
import { NikHasher, PersonalDataVault, personalDataMigrations, secretsOf } from '@jejak/personal-data';
import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { seedDemo } from './seed-writer';

const regions = IdnAreaRegionDirectory.loadSync();
const masterKey = randomBytes(32);
const secrets = secretsOf(masterKey);

async function seeded(entrepreneurs: number, seed: number) {
  const db = await createTestDatabase('seed');
  await runMigrations(db.url, [...eventStoreMigrations, ...personalDataMigrations]);
  const pool = db.pool(4);
  const result = await seedDemo({
    store: new PostgresEventStore(pool),
    vault: new PersonalDataVault(pool, secrets),
    nikHasher: new NikHasher(randomBytes(32)),
    regions,
    entrepreneurs,
    seed,
    chunkSize: 150,
  });
  return { db, pool, result };
}

describe('npm run seed: demo journeys written through the real domain', () => {
  let a: Awaited<ReturnType<typeof seeded>>;
  let b: Awaited<ReturnType<typeof seeded>>;
  const dbs: TestDatabase[] = [];

  beforeAll(async () => {
    a = await seeded(600, 42);
    b = await seeded(600, 42);
    dbs.push(a.db, b.db);
  });
  afterAll(() => Promise.all(dbs.map((d) => d.drop())));

  it('registers every entrepreneur once, with their NIK claimed by its HMAC', async () => {
    const { rows } = await a.pool.query(`SELECT
      (SELECT count(*)::int FROM events WHERE event_type = 'Registered') AS registered,
      (SELECT count(*)::int FROM unique_claims WHERE scope = 'nik') AS claims,
      (SELECT count(*)::int FROM events) AS events`);
    expect(rows[0]).toEqual({ registered: 600, claims: 600, events: a.result.events });
    expect(a.result.entrepreneurs).toBe(600);
  });

  it('holds no readable personal data in the raw events', async () => {
    const { rows } = await a.pool.query(`SELECT data FROM events WHERE event_type = 'Registered' LIMIT 50`);
    for (const { data } of rows) {
      expect(data).not.toHaveProperty('fullName');
      expect(data).not.toHaveProperty('nik');
      expect(data).toHaveProperty('_pii');
    }
  });

  it('keeps every stream’s hash chain intact', async () => {
    const store = new PostgresEventStore(a.pool);
    const { rows } = await a.pool.query(`SELECT DISTINCT stream_id FROM events LIMIT 40`);
    for (const { stream_id } of rows) expect(await store.verifyStream(stream_id)).toMatchObject({ valid: true });
  });

  it('is reproducible: the same seed writes the same events', async () => {
    const q = `SELECT stream_id, stream_version, event_id, event_type FROM events ORDER BY stream_id, stream_version`;
    expect((await b.pool.query(q)).rows).toEqual((await a.pool.query(q)).rows);
  });
});
