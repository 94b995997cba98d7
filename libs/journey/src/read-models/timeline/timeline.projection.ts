import type { RecordedEvent } from '@jejak/event-store';
import type { Projection, ProjectionContext, TableSpec } from '@jejak/projections';
import { ENTREPRENEUR_EVENT_TYPES } from '../shared/event-types';
import { entrepreneurStreamId, journeyEvents } from '../shared/recorded-journey-event';
import { timelineEntry, type TimelineEntry } from './timeline.entry';

export const TIMELINE_TABLE = 'timeline';

const table: TableSpec = {
  name: TIMELINE_TABLE,
  ddl: (t) => `CREATE TABLE ${t} (
    global_position bigint PRIMARY KEY,
    entrepreneur_id uuid NOT NULL,
    version integer NOT NULL,
    event_id uuid NOT NULL,
    type text NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    actor_id text NOT NULL,
    actor_role text NOT NULL,
    summary jsonb NOT NULL
  )`,
  indexes: (t, ix) => [`CREATE UNIQUE INDEX ${ix('case_version')} ON ${t} (entrepreneur_id, version)`],
};

/** Timeline rows are never updated: an event delivered again conflicts on its position and is ignored. */
export const timelineProjection: Projection = {
  name: 'timeline',
  version: 1,
  tables: [table],
  handles: ENTREPRENEUR_EVENT_TYPES,
  async applyBatch(ctx: ProjectionContext, batch: readonly RecordedEvent[]) {
    const entries: TimelineEntry[] = [];
    for (const event of journeyEvents(batch)) {
      const id = entrepreneurStreamId(event);
      if (id !== undefined) entries.push(timelineEntry(id, event));
    }
    if (entries.length === 0) return;
    await ctx.client.query(
      `INSERT INTO ${ctx.table(TIMELINE_TABLE)}
         (global_position, entrepreneur_id, version, event_id, type, occurred_at, recorded_at, actor_id, actor_role, summary)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::integer[], $4::uuid[], $5::text[], $6::timestamptz[],
                            $7::timestamptz[], $8::text[], $9::text[], $10::jsonb[])
       ON CONFLICT DO NOTHING`,
      [
        entries.map((e) => e.globalPosition), entries.map((e) => e.entrepreneurId), entries.map((e) => e.version),
        entries.map((e) => e.eventId), entries.map((e) => e.type), entries.map((e) => e.occurredAt),
        entries.map((e) => e.recordedAt), entries.map((e) => e.actorId), entries.map((e) => e.actorRole ?? ''),
        entries.map((e) => JSON.stringify(e.summary)),
      ],
    );
  },
};
