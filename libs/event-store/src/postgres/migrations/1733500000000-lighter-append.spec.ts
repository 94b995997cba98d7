import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import type { QueryRunner } from 'typeorm';
import { newEvent, testStream } from '../../testing/fixtures';
import { PostgresEventStore } from '../postgres-event-store';
import { LighterAppend1733500000000 } from './1733500000000-lighter-append';
import { eventStoreMigrations } from '.';

const functionDef = async (pool: Pool, name: string) =>
  (await pool.query(`SELECT pg_get_functiondef(p.oid) AS d FROM pg_proc p WHERE p.proname = $1`, [name])).rows[0].d as string;

describe('migration 1733500000000: the lighter jejak_append', () => {
  let before: TestDatabase;
  let after: TestDatabase;
  let beforePool: Pool;
  let afterPool: Pool;

  beforeAll(async () => {
    before = await createTestDatabase('lighter_before');
    after = await createTestDatabase('lighter_after');
    await runMigrations(before.url, eventStoreMigrations.filter((m) => m !== LighterAppend1733500000000));
    await runMigrations(after.url, eventStoreMigrations);
    beforePool = before.pool(2);
    afterPool = after.pool(2);
  });
  afterAll(async () => {
    await beforePool.end();
    await afterPool.end();
    await before.drop();
    await after.drop();
  });

  it('stores hashes the reference expression (jejak_event_hash) reproduces, before and after it, single events and batches alike', async () => {
    // the same events, with the same recorded instants, through both bodies
    const stream = testStream();
    const appends = [[newEvent('Numbered', { t: 'Bu "Siti" \\ 漢字 😀', x: [1e21, -0.25] })], [newEvent('Numbered', { n: 2 }), newEvent('Numbered', { n: 3 })], [newEvent('Numbered', { n: 4 })]];
    const stored = async (pool: Pool) => {
      const store = new PostgresEventStore(pool);
      let version = 0;
      for (const events of appends) version = (await store.append(stream, events, { expectedVersion: version === 0 ? 'no_stream' : version })).version;
      const { rows } = await pool.query(
        `SELECT stream_version, recorded_at, encode(hash, 'hex') AS hash,
                encode(jejak_event_hash(lag(hash) OVER (ORDER BY stream_version), stream_id, stream_version, event_id, event_type,
                  schema_version, data, metadata, recorded_at), 'hex') AS reference
         FROM events WHERE stream_id = $1 ORDER BY stream_version`,
        [stream],
      );
      return rows;
    };
    const [old, lighter] = [await stored(beforePool), await stored(afterPool)];
    for (const rows of [old, lighter]) for (const r of rows) expect(r.hash).toBe(r.reference);
    expect(lighter.map((r) => r.stream_version)).toEqual([1, 2, 3, 4]);
  });

  it('puts the previous body back on the way down', async () => {
    const runner = { query: (sql: string) => afterPool.query(sql) } as unknown as QueryRunner;
    await new LighterAppend1733500000000().down(runner);
    expect(await functionDef(afterPool, 'jejak_append')).toBe(await functionDef(beforePool, 'jejak_append'));
    await new LighterAppend1733500000000().up(runner);
    expect(await functionDef(afterPool, 'jejak_append')).toContain('v_first_write');
  });
});
