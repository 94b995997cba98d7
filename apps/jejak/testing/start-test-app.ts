import { startApp, type RunningApp } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { JejakModule } from '../jejak.module';
import { allMigrations } from '../migrations';

export interface TestApp extends RunningApp {
  database: TestDatabase;
}

/**
 * The real all-in-one app on a fresh database of the test cluster, on a free port.
 * `env` adds or overrides environment variables (e.g. projection policies).
 */
export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase('app');
  const running = await startApp({
    name: 'test',
    migrations: allMigrations,
    module: (config, db) => JejakModule.forRoot(config, db),
    configure: JejakModule.configure,
    env: { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
  });
  return {
    ...running,
    database,
    async close() {
      await running.close();
      await database.drop();
    },
  };
}
