import type { RecordedEvent } from '@jejak/event-store';
import type { JourneyEvent, JourneyEventType } from '../../domain/events/catalogue';
import { isJourneyEventType } from '../../domain/events/catalogue';

/** A stored event narrowed to the journey's discriminated union, with the store's envelope. */
export type RecordedJourneyEvent = {
  [T in JourneyEventType]: RecordedEvent<T, Extract<JourneyEvent, { type: T }>['data']>;
}[JourneyEventType];

export type RecordedOf<T extends JourneyEventType> = Extract<RecordedJourneyEvent, { type: T }>;

export function isRecordedJourneyEvent(event: RecordedEvent): event is RecordedJourneyEvent {
  return isJourneyEventType(event.type);
}

export function journeyEvents(events: readonly RecordedEvent[]): RecordedJourneyEvent[] {
  return events.filter(isRecordedJourneyEvent);
}

const ENTREPRENEUR_STREAM = 'entrepreneur-';

/** The entrepreneur a stored event is about, when it lives in an entrepreneur stream. */
export function entrepreneurStreamId(event: RecordedEvent): string | undefined {
  return event.streamId.startsWith(ENTREPRENEUR_STREAM) ? event.streamId.slice(ENTREPRENEUR_STREAM.length) : undefined;
}
