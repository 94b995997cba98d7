import type { EventStore, RecordedEvent } from '@jejak/event-store';

/**
 * Reads the global order in batches and, while the caller applies one batch, already fetches
 * the next: PostgreSQL reads while Node folds, which is most of the rebuild speed on 2 cores.
 */
export class PrefetchingReader {
  private pending: { after: number; limit: number; events: Promise<RecordedEvent[]> } | null = null;

  constructor(private readonly store: Pick<EventStore, 'readAll'>) {}

  read(after: number, limit: number): Promise<RecordedEvent[]> {
    const pending = this.pending;
    this.pending = null;
    if (pending && pending.after === after && pending.limit === limit) return pending.events;
    return this.store.readAll({ after, limit });
  }

  /** fetch the batch after `after` in the background; a read that asks for something else ignores it */
  prefetch(after: number, limit: number): void {
    const events = this.store.readAll({ after, limit });
    events.catch(() => undefined); // surfaced when read() picks it up
    this.pending = { after, limit, events };
  }

  clear(): void {
    this.pending = null;
  }
}
