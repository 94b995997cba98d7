export * from './publisher.port';
export * from './backoff';
export * from './relay';
export { relayMigrations } from './migrations';
export * from './kafka/kafka-message';
export * from './kafka/kafka.config';
export * from './kafka/kafka.publisher';
export { InMemoryPublisher } from './testing/in-memory.publisher';
