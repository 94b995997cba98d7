import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { loadConsumerSettings } from './consumer.settings';
import { ExampleConsumerModule } from './example-consumer.module';

/** `npm run start:example-consumer`; see docs/consumers.md. */
async function main(): Promise<void> {
  const settings = loadConsumerSettings();
  const app = await NestFactory.create(ExampleConsumerModule.forRoot(settings));
  app.enableShutdownHooks();
  if (settings.kafka) {
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.KAFKA,
      options: {
        client: { clientId: settings.kafka.clientId, brokers: settings.kafka.brokers },
        consumer: { groupId: settings.kafka.groupId },
        subscribe: { fromBeginning: true },
      },
    });
    await app.startAllMicroservices();
  }
  await app.listen(settings.port);
  process.stdout.write(`[example-consumer] ${settings.kafka ? `Kafka ${settings.kafka.brokers.join(',')}` : `feed ${settings.feedUrl}`}; GET http://localhost:${settings.port}/graduations\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`example consumer failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
