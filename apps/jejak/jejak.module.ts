import { DynamicModule, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadKafkaSettings, RelayModule } from '@jejak/relay';
import type { Database, JejakConfig } from '@jejak/platform';
import { CaseServiceModule } from '../case-service/case-service.module';

/** All in one process for a single machine: the case service projecting in-process, and the relay when Kafka is configured. */
@Module({})
export class JejakModule {
  static forRoot(config: JejakConfig, db: Database): DynamicModule {
    const kafka = config.kafkaBrokers.length ? loadKafkaSettings({ ...config.env, KAFKA_BROKERS: config.kafkaBrokers.join(',') }) : undefined;
    return {
      module: JejakModule,
      imports: [CaseServiceModule.forRoot(config, db, { runProjector: true }), ...(kafka ? [RelayModule.forRoot({ kafka })] : [])],
    };
  }

  static configure(app: NestExpressApplication, _config: JejakConfig): void {
    CaseServiceModule.configure(app);
  }
}
