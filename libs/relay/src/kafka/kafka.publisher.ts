import type { IntegrationEvent } from '@jejak/contracts';
import { Kafka, logLevel, type Producer, type RetryOptions, type SASLOptions } from 'kafkajs';
import type { Publisher } from '../publisher.port';
import type { KafkaSettings } from './kafka.config';
import { toKafkaMessage } from './kafka-message';

/**
 * Publishes to Kafka with an idempotent producer: acks from all in-sync replicas, and the broker
 * drops a producer's duplicate retries, so kafkajs' own retries never reorder or double a message.
 * kafkajs keeps order with idempotence only with one request in flight per connection.
 * The relay still re-sends a batch after a crash; consumers de-duplicate on ce_id.
 */
export class KafkaPublisher implements Publisher {
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(
    private readonly settings: KafkaSettings,
    retry: RetryOptions = { retries: 5, initialRetryTime: 300, maxRetryTime: 10_000 },
  ) {
    const kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      ssl: settings.ssl,
      sasl: settings.sasl ? (settings.sasl as SASLOptions) : undefined,
      // The relay owns the outer retry loop (with back-off and a checkpoint); keep each attempt bounded.
      retry,
      logLevel: logLevel.ERROR,
    });
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async publish(events: readonly IntegrationEvent[]): Promise<void> {
    await this.connect();
    const byTopic = new Map<string, ReturnType<typeof toKafkaMessage>[]>();
    for (const event of events) {
      const m = toKafkaMessage(event, this.settings.topicPrefix);
      byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({
        topic,
        messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = null;
  }

  private connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((e: unknown) => {
      this.connected = null;
      throw e;
    });
    return this.connected;
  }
}
