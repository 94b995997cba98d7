import { PostgresEventStore } from '@jejak/event-store';
import { NikHasher, PersonalDataVault, resolveSecrets, type PersonalDataSecrets, type SecretSources } from '@jejak/personal-data';
import { loadConfig, openDatabase, runMigrations } from '@jejak/platform';
import { Pool, type PoolConfig } from 'pg';
import { allMigrations } from '../apps/jejak/migrations';

export interface ToolRuntime {
  pool: Pool;
  store: PostgresEventStore;
  secrets: PersonalDataSecrets;
  vault: PersonalDataVault;
  nikHasher: NikHasher;
}

/**
 * The database at `url` as the app has it: the schema migrated, the event store, and the
 * personal-data vault and NIK hasher on the given master key. For the tools and the benchmarks
 * alike; ends its pool when `work` ends (the database itself is the caller's to stop).
 */
export async function withRuntime<T>(url: string, sources: SecretSources, work: (rt: ToolRuntime) => Promise<T>, poolConfig: PoolConfig = {}): Promise<T> {
  const pool = new Pool({ connectionString: url, max: 4, ...poolConfig });
  // stopping the database can reach a connection the pool is still closing: not a failure
  pool.on('error', () => undefined);
  try {
    await runMigrations(url, allMigrations, (m) => process.stderr.write(`${m}\n`));
    const secrets = resolveSecrets(sources);
    const vault = new PersonalDataVault(pool, secrets, { maxEntries: 20_000 });
    for (const warning of await vault.verifyKeys()) process.stderr.write(`${warning}\n`);
    return await work({ pool, store: new PostgresEventStore(pool), secrets, vault, nikHasher: new NikHasher(secrets.nikHmacKey) });
  } finally {
    await pool.end();
  }
}

/**
 * The configured database (embedded under the instance lock, or DATABASE_URL) as it is: no
 * migrations and no keys, for a tool that only reads what is there (an auditor has no master key).
 */
export async function withToolDatabase<T>(work: (pool: Pool) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, (m) => process.stderr.write(`${m}\n`));
  const pool = new Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  try {
    return await work(pool);
  } finally {
    // the embedded database (and its instance lock) is released even if the pool fails to close
    await pool.end().finally(() => db.stop());
  }
}

/**
 * What a command-line tool needs: the configured database (embedded under the instance lock, or
 * DATABASE_URL) with the runtime above on the configured master key. Closes everything when `work` ends.
 */
export async function withToolRuntime<T>(work: (rt: ToolRuntime) => Promise<T>, pgOptions?: string): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, (m) => process.stdout.write(`${m}\n`));
  try {
    const sources = { masterKey: process.env.JEJAK_MASTER_KEY, nikHmacKey: process.env.JEJAK_NIK_HMAC_KEY, dataDir: config.dataDir };
    return await withRuntime(db.url, sources, work, { options: pgOptions });
  } finally {
    await db.stop();
  }
}
