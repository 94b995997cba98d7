import type { IntegrationEvent } from '@jejak/contracts';

/**
 * One integration event as the HTTP feed serves it: a CloudEvents 1.0 structured-mode JSON
 * object (so a CloudEvents SDK reads it as is) plus `position`, the cursor to resume after,
 * and `topic`/`partitionkey` so a consumer can treat feed and Kafka alike.
 */
export interface FeedItem {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  topic: string;
  partitionkey: string;
  position: number;
  data: unknown;
}

export function toFeedItem(event: IntegrationEvent): FeedItem {
  return {
    specversion: '1.0',
    id: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: event.time,
    datacontenttype: 'application/json',
    topic: event.topic,
    partitionkey: event.key,
    position: event.position,
    data: event.data,
  };
}

export interface FeedPage {
  events: FeedItem[];
  /** pass as `after` for the next page; equals `after` when there is nothing new yet */
  next: number;
}
