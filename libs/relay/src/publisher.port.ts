import type { IntegrationEvent } from '@jejak/contracts';

/**
 * Where the relay hands integration events. `publish` resolves only once the broker has
 * acknowledged every event in the batch (all in-sync replicas for Kafka); it throws if any was
 * not, and the relay then re-sends the whole batch. Events arrive in global order.
 */
export interface Publisher {
  publish(events: readonly IntegrationEvent[]): Promise<void>;
  close(): Promise<void>;
}
