import type { JourneyEventType } from '../../domain/events/catalogue';
import { JOURNEY_EVENT_TYPES, personalFieldsOf } from '../../domain/events/catalogue';
import type { RecordedJourneyEvent } from '../shared/recorded-journey-event';

/** One line of a case's history: who did what, when; never a personal value. */
export interface TimelineEntry {
  globalPosition: number;
  entrepreneurId: string;
  version: number;
  eventId: string;
  type: JourneyEventType;
  occurredAt: string;
  recordedAt: string;
  actorId: string;
  actorRole: string;
  /** the event's non-personal fields: what a supervisor may see after an erasure too */
  summary: Record<string, unknown>;
}

const PERSONAL = new Map(JOURNEY_EVENT_TYPES.map((t) => [t, new Set<string>(personalFieldsOf(t))]));

/** Fields that identify the case, not describe the fact; the row has them already. */
const ENVELOPE_FIELDS = new Set(['entrepreneurId']);

export function timelineEntry(entrepreneurId: string, event: RecordedJourneyEvent): TimelineEntry {
  return {
    globalPosition: event.globalPosition,
    entrepreneurId,
    version: event.streamVersion,
    eventId: event.id,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    actorId: event.metadata.actorId,
    actorRole: event.metadata.actorRole,
    summary: nonPersonal(event),
  };
}

/**
 * An allow-list would drift from the events; a deny-list by the catalogue's PERSONAL_FIELDS
 * cannot: a new personal field is added there once and every reader drops it. Anything that is
 * not a plain value (an encrypted envelope) is dropped as well, and so is metadata.reason.
 */
function nonPersonal(event: RecordedJourneyEvent): Record<string, unknown> {
  const personal = PERSONAL.get(event.type) ?? new Set<string>();
  const data = event.data as Record<string, unknown>;
  const summary: Record<string, unknown> = {};
  // for...in rather than Object.entries: no [field, value] array per field (a rebuild reads every event)
  for (const field in data) {
    if (!Object.hasOwn(data, field) || personal.has(field) || ENVELOPE_FIELDS.has(field)) continue;
    const value = data[field];
    if (isPlain(value)) summary[field] = value;
  }
  return summary;
}

function isPlain(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  return Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v));
}
