import type { RecordedEvent } from '@jejak/event-store';
import { evolveAll } from '../../domain/entrepreneur/entrepreneur.evolve';
import type { EntrepreneurState } from '../../domain/entrepreneur/entrepreneur.state';
import type { EntrepreneurEvent } from '../../domain/events/entrepreneur.events';

/**
 * A person's stream folded with the personal fields still sealed: safe, since no evolve reads a
 * personal value, and enough for what is stored in clear (the kecamatan a reader is admitted by,
 * the restriction, the stage). Nothing is decrypted, so no key is looked up.
 */
export function foldSealed(recorded: readonly RecordedEvent[]): EntrepreneurState {
  return evolveAll(recorded.map((e) => ({ type: e.type, data: e.data }) as EntrepreneurEvent));
}
