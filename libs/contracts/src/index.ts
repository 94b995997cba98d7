export * from './integration-event';
export * from './journey.contracts';
export * from './groups.contracts';
export * from './journey.mapping';
export * from './message-catalogue';
export * from './asyncapi';
