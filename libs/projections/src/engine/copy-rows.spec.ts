import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool, PoolClient } from 'pg';
import { copyRows, type CopyValue } from './copy-rows';

const COLUMNS = ['id', 'label', 'amount', 'active', 'at', 'doc'];

describe('copyRows: COPY FROM STDIN through a reused payload buffer', () => {
  let db: TestDatabase;
  let pool: Pool;
  let client: PoolClient;
  beforeAll(async () => {
    db = await createTestDatabase('copy_rows');
    pool = db.pool(2);
    client = await pool.connect();
  });
  beforeEach(async () => {
    await client.query('DROP TABLE IF EXISTS copied');
    await client.query('CREATE TABLE copied (id integer PRIMARY KEY, label text, amount numeric, active boolean, at timestamptz, doc jsonb)');
  });
  afterAll(async () => {
    client.release();
    await pool.end();
    await db.drop();
  });

  const read = async () => (await client.query(`SELECT id, label, amount::float8 AS amount, active, at, doc FROM copied ORDER BY id`)).rows;

  it('copies every kind of value exactly: escapes, NULLs, multi-byte text, dates and JSON', async () => {
    const at = new Date('2026-03-09T02:00:00.123Z');
    const rows: CopyValue[][] = [
      [1, 'tab\there, newline\nthere, return\r, backslash \\ and \\N', 1.5, true, at, { note: 'a\tb\nc\\d', list: ['x', null] }],
      [2, null, null, null, null, null],
      [3, undefined, 0, false, at, []],
      [4, 'Siti Nurhaliza, Kecamatan Cikarang Utara: é, 中文, 😀', -2, true, at, { name: 'Désa 😀' }],
      [5, '', 1e6, false, at, {}],
    ];
    expect(await copyRows(client, 'copied', COLUMNS, rows)).toBe(5);
    expect(await read()).toEqual([
      { id: 1, label: 'tab\there, newline\nthere, return\r, backslash \\ and \\N', amount: 1.5, active: true, at, doc: { note: 'a\tb\nc\\d', list: ['x', null] } },
      { id: 2, label: null, amount: null, active: null, at: null, doc: null },
      { id: 3, label: null, amount: 0, active: false, at, doc: [] },
      { id: 4, label: 'Siti Nurhaliza, Kecamatan Cikarang Utara: é, 中文, 😀', amount: -2, active: true, at, doc: { name: 'Désa 😀' } },
      { id: 5, label: '', amount: 1e6, active: false, at, doc: {} },
    ]);
  });

  it('copies a payload far larger than its first buffer, then a small one into the reused buffer without stale bytes', async () => {
    // about 6 MB of multi-byte text: the buffer starts at 1 MB and grows
    const long = (i: number) => `${'Ω'.repeat(1000)}-${i}-${'x'.repeat(1000)}`;
    const many = Array.from({ length: 2000 }, (_, i): CopyValue[] => [i, long(i), i, i % 2 === 0, null, { i }]);
    expect(await copyRows(client, 'copied', COLUMNS, many)).toBe(2000);
    const { rows: big } = await client.query(`SELECT count(*)::int AS n, sum(length(label))::int AS chars, bool_and(label = repeat('Ω', 1000) || '-' || id || '-' || repeat('x', 1000)) AS exact FROM copied`);
    expect(big[0]).toEqual({ n: 2000, chars: many.reduce((s, r) => s + (r[1] as string).length, 0), exact: true });

    await client.query('TRUNCATE copied');
    expect(await copyRows(client, 'copied', COLUMNS, [[7, 'short', 1, true, null, { ok: 1 }]])).toBe(1);
    expect(await read()).toEqual([{ id: 7, label: 'short', amount: 1, active: true, at: null, doc: { ok: 1 } }]);
  });

  it('rejects with PostgreSQL’s error for a value the column refuses, and the connection copies again afterwards', async () => {
    await expect(copyRows(client, 'copied', COLUMNS, [[1, 'fine', 1, true, null, null], [2, 'bad', 'not a number', true, null, null]])).rejects.toMatchObject({
      code: '22P02',
    });
    expect(await read()).toEqual([]);
    expect(await copyRows(client, 'copied', COLUMNS, [[3, 'after', 3, false, null, null]])).toBe(1);
    expect((await read()).map((r) => r.label)).toEqual(['after']);
  });

  it('copies nothing for no rows', async () => {
    expect(await copyRows(client, 'copied', COLUMNS, [])).toBe(0);
    expect(await read()).toEqual([]);
  });
});
