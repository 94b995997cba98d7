export * from './event-store.port';
export * from './errors';
export * from './stream-id';
export * from './upcasters';
export { PollingSubscription } from './polling-subscription';
export { WakeableSleep, nextBackoff } from './wakeable-sleep';
export { PostgresEventStore, alignGlobalPositions, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { eventStoreMigrations } from './postgres/migrations';
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb/kurrentdb-event-store';
