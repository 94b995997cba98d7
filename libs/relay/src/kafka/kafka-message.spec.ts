import { randomUUID } from 'node:crypto';
import { CloudEvent, HTTP, Kafka, type Message } from 'cloudevents';
import { toIntegrationEvents } from '@jejak/contracts';
import type { RecordedEvent } from '@jejak/event-store';
import { toKafkaMessage } from './kafka-message';

const entrepreneurId = randomUUID();
const recorded: RecordedEvent = {
  id: randomUUID(), type: 'GraduatedToLanjutan', schemaVersion: 1, data: { entrepreneurId, graduatedOn: '2026-01-15', basis: 'free text' },
  metadata: { actorId: 'cw', actorRole: 'caseworker', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-15T02:00:00.000Z' },
  streamId: `entrepreneur-${entrepreneurId}`, streamVersion: 9, globalPosition: 42_000_001, recordedAt: new Date('2026-01-15T02:00:01Z'), hash: 'x',
};

describe('the Kafka message of an integration event', () => {
  const [event] = toIntegrationEvents(recorded);
  const message = toKafkaMessage(event, 'bekasi.');

  it('goes to the prefixed context topic, keyed by the entrepreneur so the case stays in order', () => {
    expect(message).toMatchObject({ topic: 'bekasi.jejak.journey.v1', key: entrepreneurId });
    expect(JSON.parse(message.value)).toEqual({ entrepreneurId, graduatedOn: '2026-01-15' });
  });

  it('carries CloudEvents binary-mode headers with the event id as ce_id', () => {
    expect(message.headers).toEqual({
      ce_specversion: '1.0', ce_id: recorded.id, ce_type: 'jejak.journey.GraduatedToLanjutan.v1', ce_source: '/jejak/journey',
      ce_subject: `entrepreneur/${entrepreneurId}`, ce_time: '2026-01-15T02:00:00.000Z', 'content-type': 'application/json',
    });
  });

  it('is a valid CloudEvent for the SDK, read through the Kafka binding', () => {
    const single = one(Kafka.toEvent({ key: message.key, value: message.value, body: message.value, headers: message.headers } as Message));
    expect(single.validate()).toBe(true);
    expect(single).toMatchObject({ id: recorded.id, type: event.type, partitionkey: entrepreneurId, data: { graduatedOn: '2026-01-15' } });
  });

  it('is a valid CloudEvent for the SDK, read as HTTP binary mode', () => {
    const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k.replace(/^ce_/, 'ce-'), v]));
    const single = one(HTTP.toEvent({ headers, body: message.value }));
    expect(single.validate()).toBe(true);
    expect(single.time).toBe('2026-01-15T02:00:00.000Z');
  });
});

function one(e: unknown): CloudEvent<unknown> {
  return (Array.isArray(e) ? e[0] : e) as CloudEvent<unknown>;
}
