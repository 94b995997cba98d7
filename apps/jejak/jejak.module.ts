import { DynamicModule, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuthModule } from '@jejak/auth';
import { JourneyWriteModule } from '@jejak/journey/api';
import { JOURNEY_PROJECTIONS, JourneyReadModule } from '@jejak/journey/read-models';
import { ProjectionsModule, type Projection } from '@jejak/projections';
import { FeedModule, loadKafkaSettings, RelayModule } from '@jejak/relay';
import { configureHttp, HttpPlatformModule, PlatformModule, type Database, type JejakConfig } from '@jejak/platform';
import { serveWebUi } from '@jejak/web-ui';

@Module({})
export class JejakModule {
  static forRoot(config: JejakConfig, db: Database): DynamicModule {
    return {
      module: JejakModule,
      imports: [
        PlatformModule.forRoot({ config, databaseUrl: db.url }),
        HttpPlatformModule,
        AuthModule.forRoot({ dataDir: config.dataDir }),
        JourneyWriteModule,
        JourneyReadModule,
        ProjectionsModule.forRootAsync({
          imports: [JourneyReadModule],
          inject: [JOURNEY_PROJECTIONS],
          useFactory: (journey: Projection[]) => journey,
        }),
        FeedModule.forRoot(),
        // The relay to Kafka runs in this process only when a broker is configured.
        ...(config.kafkaBrokers.length ? [RelayModule.forRoot({ kafka: loadKafkaSettings({ ...process.env, KAFKA_BROKERS: config.kafkaBrokers.join(',') })! })] : []),
      ],
    };
  }

  static configure(app: NestExpressApplication, _config: JejakConfig): void {
    configureHttp(app);
    serveWebUi(app);
  }
}
