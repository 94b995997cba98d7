import type { Database } from '@jejak/platform';
import { ConfigError, loadConfig } from '@jejak/platform';
import { RelayAppModule } from './relay.module';

describe('the relay process', () => {
  const db: Database = { url: 'postgres://unused/db', embedded: false, stop: async () => undefined };

  it('refuses to start without KAFKA_BROKERS, saying what to set', () => {
    expect(() => RelayAppModule.forRoot(loadConfig({}), db, {})).toThrow(ConfigError);
    expect(() => RelayAppModule.forRoot(loadConfig({}), db, {})).toThrow(/KAFKA_BROKERS is required by the relay process/);
  });

  it('wires the platform and the relay when a broker is configured', () => {
    const module = RelayAppModule.forRoot(loadConfig({}), db, { KAFKA_BROKERS: 'kafka:9092' });
    expect(module.imports).toHaveLength(2);
  });
});
