import { TOPICS } from '@jejak/contracts';

export const CONSUMER_SETTINGS = Symbol('CONSUMER_SETTINGS');

export type ConsumerSettings = {
  port: number;
  pollMs: number;
  feedUrl: string;
  feedToken: string | null;
  /** topic: the relay's, with the same JEJAK_KAFKA_TOPIC_PREFIX */
  kafka: { brokers: string[]; clientId: string; groupId: string; topic: string } | null;
};

/** KAFKA_BROKERS selects Kafka; otherwise the HTTP feed at JEJAK_FEED_URL with JEJAK_FEED_TOKEN (role service). */
export function loadConsumerSettings(env: NodeJS.ProcessEnv = process.env): ConsumerSettings {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  return {
    port: Number(env.PORT ?? 3100),
    pollMs: Number(env.EXAMPLE_CONSUMER_POLL_MS ?? 1000),
    feedUrl: (env.JEJAK_FEED_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
    feedToken: env.JEJAK_FEED_TOKEN ?? null,
    kafka: brokers.length
      ? { brokers, clientId: 'example-consumer', groupId: env.EXAMPLE_CONSUMER_GROUP_ID ?? 'example-consumer', topic: `${env.JEJAK_KAFKA_TOPIC_PREFIX?.trim() ?? ''}${TOPICS.journey}` }
      : null,
  };
}
