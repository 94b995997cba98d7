import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { EventStore, RecordedEvent, StreamVerification } from '@jejak/event-store';
import { EVENT_STORE } from '@jejak/platform';
import { ReadStreamHistoryQuery, VerifyStreamQuery } from './audit-stream.queries';

export interface AuditedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  streamVersion: number;
  globalPosition: number;
  recordedAt: string;
  hash: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
}

export interface StreamHistory {
  streamId: string;
  version: number;
  events: AuditedEvent[];
}

/**
 * Auditors see events as stored, sealed personal fields included: they check who did what and
 * that history is intact, which needs no personal data, so reading it leaves no processing trail.
 */
@QueryHandler(ReadStreamHistoryQuery)
export class ReadStreamHistoryHandler implements IQueryHandler<ReadStreamHistoryQuery, StreamHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ streamId, fromVersion }: ReadStreamHistoryQuery): Promise<StreamHistory> {
    const events = await this.store.readStream(streamId, { fromVersion });
    return {
      streamId,
      version: events.at(-1)?.streamVersion ?? (await this.versionBefore(streamId, fromVersion)),
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion,
        streamVersion: e.streamVersion,
        globalPosition: e.globalPosition,
        recordedAt: e.recordedAt.toISOString(),
        hash: e.hash,
        data: e.data,
        metadata: e.metadata,
      })),
    };
  }

  /** Nothing from `fromVersion` on: the stream may end earlier or not exist, so its version is read, not assumed. */
  private async versionBefore(streamId: string, fromVersion: number): Promise<number> {
    if (fromVersion <= 1) return 0;
    return (await this.store.readStream(streamId)).at(-1)?.streamVersion ?? 0;
  }
}

@QueryHandler(VerifyStreamQuery)
export class VerifyStreamHandler implements IQueryHandler<VerifyStreamQuery, StreamVerification> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ streamId }: VerifyStreamQuery): Promise<StreamVerification> {
    return this.store.verifyStream(streamId);
  }
}
