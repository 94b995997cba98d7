import { PersonalDataVault, resolveSecrets, type PersonalDataSecrets } from '@jejak/personal-data';
import { loadConfig, openDatabase, runMigrations, type JejakConfig } from '@jejak/platform';
import { Pool } from 'pg';
import { allMigrations } from '../apps/jejak/migrations';

export interface ToolRuntime {
  config: JejakConfig;
  pool: Pool;
  secrets: PersonalDataSecrets;
  vault: PersonalDataVault;
}

/**
 * What a command-line tool needs, as the app has it: the configured database (embedded under the
 * instance lock, or DATABASE_URL), the schema migrated, and the personal-data vault on the same
 * master key. Closes everything when `work` ends.
 */
export async function withToolRuntime<T>(work: (rt: ToolRuntime) => Promise<T>, pgOptions?: string): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config, (m) => process.stdout.write(`${m}\n`));
  const pool = new Pool({ connectionString: db.url, max: 4, options: pgOptions });
  // stopping the embedded server can reach a connection the pool is still closing: not a failure
  pool.on('error', () => undefined);
  try {
    await runMigrations(db.url, allMigrations);
    const secrets = resolveSecrets({ masterKey: process.env.JEJAK_MASTER_KEY, nikHmacKey: process.env.JEJAK_NIK_HMAC_KEY, dataDir: config.dataDir });
    const vault = new PersonalDataVault(pool, secrets, { maxEntries: 20_000 });
    await vault.verifyMasterKey();
    return await work({ config, pool, secrets, vault });
  } finally {
    await pool.end();
    await db.stop();
  }
}
