import { Controller, type Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { GraduationTally } from './graduation-tally';

/**
 * Kafka mode: CloudEvents binary mode puts the id and type in `ce_` headers, the value is the data.
 * The topic is the relay's (its deployment prefix included), known only once the settings are
 * read, so the controller is made for it rather than decorated with a fixed name.
 */
export function journeyEventsController(topic: string): Type<unknown> {
  @Controller()
  class JourneyEventsController {
    constructor(readonly tally: GraduationTally) {}

    @EventPattern(topic)
    onJourneyEvent(@Payload() data: Record<string, unknown>, @Ctx() context: KafkaContext): void {
      const headers = context.getMessage().headers ?? {};
      const header = (name: string) => String(headers[name] ?? '');
      this.tally.apply({ id: header('ce_id'), type: header('ce_type'), data });
    }
  }
  return JourneyEventsController;
}
