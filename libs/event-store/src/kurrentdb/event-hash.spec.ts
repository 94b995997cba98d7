import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import type { NewEvent } from '../event-store.port';
import { eventStoreMigrations } from '../postgres/migrations';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { newEvent, testStream } from '../testing/fixtures';
import { canonicalEvent, chainHash } from './event-hash';
import { jsonbText, numericText } from './jsonb-text';
import { verifyChain } from './verify-chain';

const awkward: unknown[] = [
  { b: 1, a: 2, nested: { z: [3, 2, 1], y: null, aa: true }, ab: 'x', é: 1, z: 2 },
  { text: 'Bu Siti "Warung" \\ \n\t\r\b\f\u0001\u001f\u007f ÄÖ 漢字 😀 /', empty: '', key_with_quote: { 'a"b': 'c' } },
  { n: [0, -1, 1.5, 1e3, 1e21, 1.2345e25, 2 ** 53, 0.000001, 1.5e-7, -0.25, 123456.789, -0, 5e-324] },
  [],
  {},
  'just a string',
  { deep: [[[{ k: [true, false, null] }]]], date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), gone: undefined },
];

describe('the KurrentDB hash chain is byte for byte the PostgreSQL one', () => {
  let db: TestDatabase;
  let pool: Pool;
  let pg: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('kurrent_hash');
    await runMigrations(db.url, eventStoreMigrations);
    pool = db.pool(2);
    pg = new PostgresEventStore(pool);
  });
  afterAll(async () => {
    await pg.close();
    await db.drop();
  });

  it('prints every awkward value exactly as jsonb::text does', async () => {
    for (const value of awkward) {
      const { rows } = await pool.query('SELECT $1::jsonb::text AS t', [JSON.stringify(value)]);
      expect(jsonbText(value)).toBe(rows[0].t);
    }
  });

  it('computes the hashes PostgreSQL stored for the same events, awkward data and a reason included', async () => {
    const s = testStream();
    const events: NewEvent[] = awkward.map((data) => ({ ...newEvent('Numbered'), data }));
    events.push({ ...newEvent('Corrected'), metadata: { ...newEvent().metadata, reason: 'koreksi: "salah ketik" ✓' } });
    await pg.append(s, events.slice(0, 4), { expectedVersion: 'no_stream' });
    await pg.append(s, events.slice(4), { expectedVersion: 4 });
    const stored = await pg.readStream(s);
    let previous: string | null = null;
    for (const e of stored) {
      expect(chainHash(previous, e)).toBe(e.hash);
      previous = e.hash;
    }
    expect(verifyChain(s, stored)).toMatchObject({ valid: true, checkedEvents: awkward.length + 1, headHash: previous });
  });

  it('agrees with jejak_event_hash, the SQL reference, on one event', async () => {
    const e = { ...newEvent('Registered', { nama: 'Siti', umur: 41 }), streamId: testStream(), streamVersion: 3, recordedAt: new Date('2025-03-04T05:06:07.089Z') };
    const prev = 'ab'.repeat(32);
    const { rows } = await pool.query(
      `SELECT encode(jejak_event_hash(decode($1, 'hex'), $2, $3, $4, $5, $6, $7, $8, $9), 'hex') AS h`,
      [prev, e.streamId, e.streamVersion, e.id, e.type, e.schemaVersion, JSON.stringify(e.data), JSON.stringify(e.metadata), e.recordedAt],
    );
    expect(chainHash(prev, e)).toBe(rows[0].h);
  });
});

describe('the canonical form', () => {
  it('is the jsonb array of stream, version, id, type, schema version, data, metadata and microseconds', () => {
    const metadata = { actorId: 'a', actorRole: 'r', correlationId: 'c', causationId: 'k', occurredAt: 'o' };
    const text = canonicalEvent({ streamId: 'x-1', streamVersion: 1, id: 'i', type: 'T', schemaVersion: 2, data: { b: 1, a: 2 }, metadata, recordedAt: new Date(1_000) });
    expect(text).toBe('["x-1", 1, "i", "T", 2, {"a": 2, "b": 1}, {"actorId": "a", "actorRole": "r", "occurredAt": "o", "causationId": "k", "correlationId": "c"}, 1000000]');
  });

  it.each([
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-0.25, '-0.25'],
    [-0, '0'],
    [1e-7, '0.0000001'],
    [120, '120'],
  ])('prints the number %p as numeric does: %s', (n, text) => {
    expect(numericText(n)).toBe(text);
  });

  it('orders keys shorter first, then bytewise, as jsonb does', () => {
    expect(jsonbText({ bb: 1, a: 1, B: 1, é: 1 })).toBe('{"B": 1, "a": 1, "bb": 1, "é": 1}');
  });
});
