import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../event-store.port';

export function newEvent(type = 'Happened', data: Record<string, unknown> = {}, schemaVersion = 1): NewEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion,
    data,
    metadata: {
      actorId: 'tester',
      actorRole: 'caseworker',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
    },
  };
}

export function testStream(category = 'test'): string {
  return `${category}-${randomUUID()}`;
}
