import { DynamicModule, Logger, Module } from '@nestjs/common';
import type { KafkaSettings } from '../kafka/kafka.config';
import { KafkaPublisher } from '../kafka/kafka.publisher';
import type { Publisher } from '../publisher.port';
import type { RelayOptions } from '../relay';
import { RELAY_OPTIONS, RELAY_PUBLISHER, RelayService } from './relay.service';

export type RelayModuleOptions = RelayOptions & ({ kafka: KafkaSettings } | { publisher: Publisher });

/**
 * The relay to Kafka (or to any Publisher, for tests). Needs PlatformModule (PG_POOL, EVENT_STORE).
 * Import it only when there is a broker: `loadKafkaSettings()` returns null without KAFKA_BROKERS.
 * It logs through Nest's Logger (context `Relay`) unless given a `log`, so the relay process and
 * the all-in-one process both write its lead and its failed publishes to the structured log.
 */
@Module({})
export class RelayModule {
  static forRoot(options: RelayModuleOptions): DynamicModule {
    const { kafka, publisher, ...relay } = options as RelayOptions & { kafka?: KafkaSettings; publisher?: Publisher };
    return {
      module: RelayModule,
      providers: [
        { provide: RELAY_PUBLISHER, useFactory: () => publisher ?? new KafkaPublisher(kafka!) },
        { provide: RELAY_OPTIONS, useValue: { ...relay, log: relay.log ?? new Logger('Relay') } },
        RelayService,
      ],
      exports: [RelayService],
    };
  }
}
