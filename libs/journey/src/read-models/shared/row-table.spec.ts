import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool, PoolClient } from 'pg';
import { insertNewRows, projectRows, type RowTable } from './row-table';

interface Tally {
  id: string;
  count: number;
}

const spec: RowTable<Tally> = {
  key: 'id',
  keyType: 'text',
  columns: [
    { name: 'id', sqlType: 'text', write: (r) => r.id },
    { name: 'count', sqlType: 'integer', write: (r) => r.count },
  ],
  read: (r) => ({ id: String(r.id), count: Number(r.count) }),
};

/** the prepared statements of this session that mention the table, with how often each was planned (generic or custom plan) */
async function preparedOn(client: PoolClient): Promise<{ name: string; kind: string; generic: number; custom: number }[]> {
  const { rows } = await client.query(
    `SELECT name, split_part(ltrim(statement), ' ', 1) AS kind, generic_plans AS generic, custom_plans AS custom
     FROM pg_prepared_statements WHERE statement LIKE '%tallies%' ORDER BY kind`,
  );
  return rows.map((r) => ({ name: r.name, kind: r.kind, generic: Number(r.generic), custom: Number(r.custom) }));
}

describe('read-model rows: loaded and written by prepared statements, parsed once per connection', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('row_table');
    pool = db.pool(2);
    await pool.query('CREATE TABLE tallies (id text PRIMARY KEY, count integer NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('loads and upserts through one statement each, whatever the batch, and folds as before', async () => {
    const client = await pool.connect();
    try {
      const ctx = { client, rebuilding: false };
      for (let batch = 0; batch < 8; batch++) {
        const events = [`a`, `b${batch}`, 'a'];
        await projectRows(ctx, 'tallies', spec, events, (e) => e, (row, e) => ({ id: e, count: (row?.count ?? 0) + 1 }));
      }
      // the load and the upsert, each parsed once and run for every batch
      const statements = await preparedOn(client);
      expect(statements.map((s) => s.kind)).toEqual(['INSERT', 'SELECT']);
      for (const s of statements) {
        expect(s.name).toMatch(/^jejak_[0-9a-f]{20}$/);
        expect(s.generic + s.custom).toBe(8);
      }
      const { rows } = await client.query(`SELECT id, count FROM tallies ORDER BY id`);
      expect(rows.find((r) => r.id === 'a')).toEqual({ id: 'a', count: 16 });
      expect(rows.filter((r) => r.id.startsWith('b'))).toHaveLength(8);
    } finally {
      client.release();
    }
  });

  it('keeps working when the table is replaced under its prepared statements, as a rebuild swap does', async () => {
    const client = await pool.connect();
    try {
      await insertNewRows(client, 'tallies', spec, [{ id: 'x1', count: 1 }]);
      await pool.query('BEGIN; ALTER TABLE tallies RENAME TO tallies_old; CREATE TABLE tallies (id text PRIMARY KEY, count integer NOT NULL, extra text); COMMIT');
      await insertNewRows(client, 'tallies', spec, [{ id: 'x2', count: 2 }]);
      const { rows } = await client.query(`SELECT id, count FROM tallies`);
      expect(rows).toEqual([{ id: 'x2', count: 2 }]);
    } finally {
      client.release();
    }
  });
});
