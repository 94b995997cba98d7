import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { streamId, type EventStore } from '@jejak/event-store';
import { EVENT_STORE } from '@jejak/platform';
import { ProcessingTrail } from '@jejak/personal-data';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { TRAIL_START, trailPage, type TrailItem, type TrailPosition } from './processing-trail';
import { foldSealed } from '../shared/sealed-fold';

export interface ProcessingTrailPage {
  id: string;
  /** where the case is run (survives erasure): the controller checks the caller's area against it */
  kecamatanCode: string;
  items: TrailItem[];
  nextCursor: string | null;
}

export class GetProcessingTrailQuery extends Query<ProcessingTrailPage | undefined> {
  constructor(
    readonly entrepreneurId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

type Cursor = { w: number; r: number; a: string };
const isCursor = (v: unknown): v is Cursor => {
  const c = v as Cursor;
  return typeof v === 'object' && v !== null && Number.isSafeInteger(c.w) && Number.isSafeInteger(c.r) && typeof c.a === 'string' && (c.r === 0 || !Number.isNaN(Date.parse(c.a)));
};
const toPosition = (c: Cursor): TrailPosition => ({ writeVersion: c.w, read: c.r === 0 ? undefined : { readAt: new Date(c.a), readId: c.r } });
const toCursor = (p: TrailPosition): string => encodeCursor({ w: p.writeVersion, r: p.read?.readId ?? 0, a: p.read?.readAt.toISOString() ?? '' });

/**
 * The person's processing trail: the writes come from their stream (always current, and the event
 * store is the only place their actor, role and correlation live), the reads from the trail
 * table. Both are read at once; the stream is read whole because its first event names the
 * kecamatan, and a person's stream is short (the case view folds it whole on every read too).
 * Nothing personal is opened, so answering is no read of the person's data.
 */
@QueryHandler(GetProcessingTrailQuery)
export class GetProcessingTrailHandler implements IQueryHandler<GetProcessingTrailQuery, ProcessingTrailPage | undefined> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly trail: ProcessingTrail,
  ) {}

  async execute({ entrepreneurId, limit, cursor }: GetProcessingTrailQuery): Promise<ProcessingTrailPage | undefined> {
    const from = cursor ? toPosition(decodeCursor(cursor, isCursor)) : TRAIL_START;
    const [recorded, reads] = await Promise.all([
      this.store.readStream(streamId('entrepreneur', entrepreneurId)),
      this.trail.readsOf(entrepreneurId, { after: from.read, limit: limit + 1 }),
    ]);
    const state = foldSealed(recorded);
    if (state.status === 'unregistered') return undefined;
    const page = trailPage(recorded.filter((e) => e.streamVersion > from.writeVersion), reads, limit, from);
    return { id: entrepreneurId, kecamatanCode: state.demographics.kecamatanCode, items: page.items, nextCursor: page.next && toCursor(page.next) };
  }
}
