import { InvalidAppendError, InvalidStreamIdError } from './errors';
import type { NewEvent } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHAPE = /^([a-z][a-z0-9]*(?:_[a-z0-9]+)*)-([A-Za-z0-9][A-Za-z0-9_.:-]*)$/;
/** Eight or more digits in a row look like a NIK, a phone or an account number. */
const PERSONAL_DIGITS = /\d{8,}/;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;
export const MAX_EVENTS_PER_APPEND = 10_000;

/** The one function that makes stream ids: `<category>-<id>`. */
export function streamId(category: string, id: string): string {
  const s = `${category}-${id}`;
  assertValidStreamId(s);
  return s;
}

/**
 * Stream ids are visible to every reader and never erased, so they must not carry personal
 * data: a uuid id, or a short code with no long digit run and no e-mail shape.
 */
export function assertValidStreamId(id: string): void {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new InvalidStreamIdError(String(id), 'length 1-200');
  const m = SHAPE.exec(id);
  if (!m) throw new InvalidStreamIdError(id, 'expected <category>-<id> in lower-case ascii');
  const rest = m[2];
  if (UUID.test(rest)) return;
  if (PERSONAL_DIGITS.test(rest)) throw new InvalidStreamIdError(id, 'long digit runs look like personal data (NIK, phone)');
}

export function assertValidEvents(events: NewEvent[]): void {
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidAppendError(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
  for (const e of events) {
    if (!UUID.test(e.id)) throw new InvalidAppendError(`event id must be a lower-case uuid: ${e.id}`);
    if (!EVENT_TYPE.test(e.type)) throw new InvalidAppendError(`event type must be PascalCase: ${e.type}`);
    if (!Number.isInteger(e.schemaVersion) || e.schemaVersion < 1) throw new InvalidAppendError(`schemaVersion must be >= 1`);
    if (!e.metadata || typeof e.metadata.actorId !== 'string' || typeof e.metadata.occurredAt !== 'string')
      throw new InvalidAppendError('metadata needs actorId and occurredAt');
  }
}
