import { eventStoreMigrations } from '@jejak/event-store';
import { runApp } from '@jejak/platform';
import { relayMigrations } from '@jejak/relay';
import { RelayAppModule } from './relay.module';

/**
 * Publishes integration events to Kafka. Run one or more: one holds the advisory lock and
 * publishes, the others stand by and take over when it stops.
 */
runApp({
  name: 'relay',
  migrations: [...eventStoreMigrations, ...relayMigrations],
  module: (config, db) => RelayAppModule.forRoot(config, db),
});
