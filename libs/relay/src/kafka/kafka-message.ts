import type { IntegrationEvent } from '@jejak/contracts';

export interface KafkaOutboundMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * CloudEvents Kafka protocol binding, binary mode: the attributes travel as `ce_` headers and the
 * value is the bare JSON data, so consumers that know nothing of CloudEvents still read plain JSON.
 * The key is the entrepreneur (or group) id: Kafka keeps one key in one partition, in order.
 */
export function toKafkaMessage(event: IntegrationEvent, topicPrefix = ''): KafkaOutboundMessage {
  return {
    topic: `${topicPrefix}${event.topic}`,
    key: event.key,
    value: JSON.stringify(event.data),
    headers: {
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: event.type,
      ce_source: event.source,
      ce_subject: event.subject,
      ce_time: event.time,
      'content-type': 'application/json',
    },
  };
}
