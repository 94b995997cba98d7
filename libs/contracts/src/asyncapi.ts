import { SOURCES, TOPICS, type ContextName } from './integration-event';
import { MESSAGE_CATALOGUE, type JsonSchema, type MessageSpec } from './message-catalogue';

const CONTEXTS: Record<ContextName, string> = {
  journey: 'One case per entrepreneur, keyed by entrepreneur id: registration, training, grant, monitoring, graduation, withdrawal, erasure.',
  groups: 'Kelompok (groups) that receive grants, keyed by group id.',
};

/** CloudEvents binary-mode Kafka headers every message carries. */
function headers(spec: MessageSpec): JsonSchema {
  const text = (description: string): JsonSchema => ({ type: 'string', description });
  return {
    type: 'object',
    properties: {
      ce_specversion: { type: 'string', enum: ['1.0'] },
      ce_id: { type: 'string', format: 'uuid', description: 'event id: de-duplicate on it (delivery is at least once)' },
      ce_type: { type: 'string', enum: [spec.type] },
      ce_source: { type: 'string', enum: [SOURCES[spec.context]] },
      ce_time: { type: 'string', format: 'date-time', description: 'when it happened' },
      ce_subject: text('entrepreneur/<id> or group/<id>'),
      'content-type': { type: 'string', enum: ['application/json'] },
    },
    required: ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'content-type'],
  };
}

/**
 * The AsyncAPI 3.0 document of Jejak's public integration events, generated from the message
 * catalogue so the document can never drift from what the relay publishes.
 */
export function buildAsyncApiDocument(version = '1.0.0'): Record<string, unknown> {
  const contexts = Object.keys(TOPICS) as ContextName[];
  const messages: Record<string, unknown> = {};
  for (const spec of MESSAGE_CATALOGUE) {
    messages[spec.type] = {
      name: spec.type,
      title: spec.type.split('.')[2],
      summary: spec.summary,
      description: `Produced from the domain event(s): ${spec.from.join(', ')}.`,
      contentType: 'application/json',
      headers: headers(spec),
      payload: spec.payload,
      bindings: { kafka: { key: { type: 'string', format: 'uuid' }, bindingVersion: '0.5.0' } },
    };
  }
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const context of contexts) {
    const own = MESSAGE_CATALOGUE.filter((m) => m.context === context);
    channels[context] = {
      address: TOPICS[context],
      title: TOPICS[context],
      description: `${CONTEXTS[context]} Deployments may prefix the topic name (JEJAK_KAFKA_TOPIC_PREFIX).`,
      messages: Object.fromEntries(own.map((m) => [m.type, { $ref: `#/components/messages/${m.type}` }])),
    };
    operations[`publish-${context}`] = {
      action: 'send',
      title: `Jejak publishes ${context} events`,
      channel: { $ref: `#/channels/${context}` },
      messages: own.map((m) => ({ $ref: `#/channels/${context}/messages/${m.type}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Jejak integration events',
      version,
      description:
        'Public, versioned events about entrepreneur journeys. No personal data. Delivery is at least once and in order per key; ' +
        'de-duplicate by event id (ce_id). The same events are available from GET /v1/feed. See docs/consumers.md.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
