import { alignGlobalPositions } from '@jejak/event-store';
import { Client } from 'pg';
import { DataSource, type MixedList } from 'typeorm';

// One key for the whole schema: concurrent starts run migrations one after the other.
const MIGRATION_LOCK = 0x6a656a61;

/**
 * Runs pending versioned migrations (TypeORM's runner, table `jejak_migrations`), each in its
 * own transaction, under an advisory lock. Running it again does nothing. Then, under the same
 * lock, realigns the event log's global positions if a restore left them ahead of this cluster's
 * transaction ids (ADR 0002, "Restores"), and says so through `log`.
 */
export async function runMigrations(
  url: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>,
  log: (message: string) => void = () => undefined,
): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  const ds = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: 'jejak_migrations', migrationsTransactionMode: 'each', logging: false });
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.initialize();
    const done = await ds.runMigrations({ transaction: 'each' });
    const offset = await alignGlobalPositions(lock);
    if (offset !== null)
      log(`the event log was ahead of this PostgreSQL cluster's transaction ids (restored from a dump?): new events now take positions after it (offset ${offset})`);
    return done.map((m) => m.name);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
