import { AlreadyRunningError, ConfigError, startApp } from '@jejak/platform';
import { loadDemoIfEmpty } from './demo';
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
  if (process.argv.includes('--demo')) await loadDemoIfEmpty(running.app, (m) => process.stdout.write(`[jejak] ${m}\n`));
  process.stdout.write(`[jejak] a token for the API and the UI: npm run -s token -- --role supervisor --sub demo\n`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof AlreadyRunningError || e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`Jejak failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
