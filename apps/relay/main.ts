import { eventStoreMigrations } from '@jejak/event-store';
import { AlreadyRunningError, ConfigError, startApp } from '@jejak/platform';
import { relayMigrations } from '@jejak/relay';
import { RelayAppModule } from './relay.module';

/**
 * Publishes integration events to Kafka. Run one or more: one holds the advisory lock and
 * publishes, the others stand by and take over when it stops.
 */
async function main(): Promise<void> {
  const running = await startApp({
    name: 'relay',
    migrations: [...eventStoreMigrations, ...relayMigrations],
    module: (config, db) => RelayAppModule.forRoot(config, db),
  });
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (e instanceof AlreadyRunningError || e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`Jejak relay failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
