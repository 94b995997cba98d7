import { DynamicModule, Module } from '@nestjs/common';
import { CONSUMER_SETTINGS, type ConsumerSettings } from './consumer.settings';
import { FeedFollower } from './feed-follower';
import { GraduationTally } from './graduation-tally';
import { GraduationsController } from './graduations.controller';
import { journeyEventsController } from './journey-events.controller';

/** A downstream service of Jejak: counts graduations per kecamatan from Kafka or, without a broker, the HTTP feed. */
@Module({})
export class ExampleConsumerModule {
  static forRoot(settings: ConsumerSettings): DynamicModule {
    return {
      module: ExampleConsumerModule,
      controllers: settings.kafka ? [GraduationsController, journeyEventsController(settings.kafka.topic)] : [GraduationsController],
      providers: [{ provide: CONSUMER_SETTINGS, useValue: settings }, GraduationTally, ...(settings.kafka ? [] : [FeedFollower])],
    };
  }
}
