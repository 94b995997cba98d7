import { DynamicModule, Module } from '@nestjs/common';
import { ConfigError, PlatformModule, type Database, type JejakConfig } from '@jejak/platform';
import { loadKafkaSettings, RelayModule } from '@jejak/relay';

/** The relay process: the platform (database, event store, /health, /metrics) and the relay to Kafka. */
@Module({})
export class RelayAppModule {
  static forRoot(config: JejakConfig, db: Database, env: NodeJS.ProcessEnv = config.env): DynamicModule {
    const kafka = loadKafkaSettings(env);
    if (!kafka) throw new ConfigError(['KAFKA_BROKERS is required by the relay process (host:port[,host:port...])']);
    return {
      module: RelayAppModule,
      imports: [
        PlatformModule.forRoot({ config, databaseUrl: db.url, poolSize: 4 }),
        RelayModule.forRoot({ kafka }),
      ],
    };
  }
}
