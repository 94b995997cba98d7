import { AlreadyRunningError, ConfigError, startApp } from '@jejak/platform';
import { allMigrations } from '../jejak/migrations';
import { ProjectorAppModule } from './projector.module';

/** Runs the read-model projections (leader-elected); exposes /health and /metrics. */
async function main(): Promise<void> {
  const running = await startApp({
    name: 'projector',
    migrations: allMigrations,
    module: (config, db) => ProjectorAppModule.forRoot(config, db),
  });
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof AlreadyRunningError || e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`Jejak projector failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
