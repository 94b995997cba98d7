import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

/**
 * A fresh, empty database inside the PostgreSQL cluster started by test/global-setup.mjs
 * (or the one DATABASE_URL names). Every test file gets its own, so files run in parallel.
 */
export interface TestDatabase {
  url: string;
  name: string;
  pool(max?: number): Pool;
  drop(): Promise<void>;
}

/**
 * The position of the last event committed to this database's log. Not the store's headPosition(),
 * which is the gap-safe head: any transaction open in the shared test cluster (another test
 * file's) holds that back, so "wait until the projector reaches headPosition()" may wait for nothing.
 */
export async function lastCommittedPosition(db: Pick<Pool, 'query'>): Promise<number> {
  const { rows } = await db.query<{ p: string }>('SELECT coalesce(max(global_position), 0) AS p FROM events');
  return Number(rows[0].p);
}

function adminUrl(): string {
  const url = process.env.JEJAK_TEST_ADMIN_URL;
  if (!url) throw new Error('JEJAK_TEST_ADMIN_URL is not set: run the tests through jest (test/global-setup.mjs)');
  return url;
}

export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  const pools: Pool[] = [];
  let dropping = false;
  return {
    url,
    name,
    pool(max = 10) {
      const p = new Pool({ connectionString: url, max });
      // pool.end() resolves before its connections have closed; DROP ... WITH (FORCE) then ends
      // them from the server side, which an idle client reports as an error. Expected only then.
      p.on('error', (err) => {
        if (!dropping) throw err;
      });
      pools.push(p);
      return p;
    },
    async drop() {
      dropping = true;
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
