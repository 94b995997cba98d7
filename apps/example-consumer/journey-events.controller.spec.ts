import { NestFactory } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import type { KafkaContext } from '@nestjs/microservices';
import { loadConsumerSettings } from './consumer.settings';
import { ExampleConsumerModule } from './example-consumer.module';
import { GraduationTally } from './graduation-tally';

/** A Kafka message as the transport hands it over: CloudEvents binary mode, id and type in headers. */
const context = (headers: Record<string, string>) => ({ getMessage: () => ({ headers }) }) as unknown as KafkaContext;

describe('the example consumer in Kafka mode', () => {
  it('reads the relay’s topic, deployment prefix included', () => {
    expect(loadConsumerSettings({ KAFKA_BROKERS: 'kafka:9092' }).kafka?.topic).toBe('jejak.journey.v1');
    expect(loadConsumerSettings({ KAFKA_BROKERS: 'kafka:9092', JEJAK_KAFKA_TOPIC_PREFIX: 'bekasi.' }).kafka?.topic).toBe('bekasi.jejak.journey.v1');
    expect(loadConsumerSettings({}).kafka).toBeNull();
  });

  it('subscribes its handler to that topic and tallies what arrives on it', async () => {
    const settings = loadConsumerSettings({ KAFKA_BROKERS: 'kafka:9092', JEJAK_KAFKA_TOPIC_PREFIX: 'tabalong.' });
    const root = ExampleConsumerModule.forRoot(settings);
    const kafkaController = (root.controllers ?? []).find((c) => c.name === 'JourneyEventsController');
    if (!kafkaController) throw new Error('no Kafka handler in Kafka mode');
    expect(Reflect.getMetadata(PATTERN_METADATA, kafkaController.prototype.onJourneyEvent)).toEqual(['tabalong.jejak.journey.v1']);

    const moduleRef = await NestFactory.createApplicationContext(root, { logger: false });
    const instance = moduleRef.get<{ onJourneyEvent(data: object, ctx: KafkaContext): void }>(kafkaController);
    instance.onJourneyEvent({ entrepreneurId: 'a', kecamatanCode: '63.09.01' }, context({ ce_id: 'e1', ce_type: 'jejak.journey.EntrepreneurRegistered.v1' }));
    instance.onJourneyEvent({ entrepreneurId: 'a', graduatedOn: '2026-01-15' }, context({ ce_id: 'e2', ce_type: 'jejak.journey.GraduatedToLanjutan.v1' }));
    expect(moduleRef.get(GraduationTally).report().byKecamatan).toEqual({ '63.09.01': 1 });
    await moduleRef.close();
  });

  it('has no Kafka handler when it follows the HTTP feed', () => {
    const controllers = ExampleConsumerModule.forRoot(loadConsumerSettings({})).controllers ?? [];
    expect(controllers.map((c) => c.name)).toEqual(['GraduationsController']);
  });
});
