import { AlreadyRunningError, ConfigError, startApp } from '@jejak/platform';
import { allMigrations } from '../jejak/migrations';
import { CaseServiceModule } from './case-service.module';

/** The API process on its own (projector and relay run as separate processes against the same database). */
async function main(): Promise<void> {
  const running = await startApp({
    name: 'case-service',
    migrations: allMigrations,
    module: (config, db) => CaseServiceModule.forRoot(config, db, { runProjector: false }),
    configure: (app) => CaseServiceModule.configure(app),
  });
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof AlreadyRunningError || e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`Jejak case-service failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
