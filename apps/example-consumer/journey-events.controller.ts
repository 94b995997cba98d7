import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { GraduationTally } from './graduation-tally';

/** Kafka mode: CloudEvents binary mode puts the id and type in `ce_` headers, the value is the data. */
@Controller()
export class JourneyEventsController {
  constructor(private readonly tally: GraduationTally) {}

  @EventPattern('jejak.journey.v1')
  onJourneyEvent(@Payload() data: Record<string, unknown>, @Ctx() context: KafkaContext): void {
    const headers = context.getMessage().headers ?? {};
    const header = (name: string) => String(headers[name] ?? '');
    this.tally.apply({ id: header('ce_id'), type: header('ce_type'), data });
  }
}
