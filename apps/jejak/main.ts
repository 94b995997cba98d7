import { AlreadyRunningError, ConfigError, startApp } from '@jejak/platform';
import { JejakModule } from './jejak.module';
import { allMigrations } from './migrations';

/** The all-in-one process for a single machine: API, projector and relay in one. */
async function main(): Promise<void> {
  const running = await startApp({
    name: 'jejak',
    migrations: allMigrations,
    module: (config, db) => JejakModule.forRoot(config, db),
    configure: JejakModule.configure,
  });
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof AlreadyRunningError || e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`Jejak failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
