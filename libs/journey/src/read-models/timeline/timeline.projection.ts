import type { RecordedEvent } from '@jejak/event-store';
import type { Projection, ProjectionContext, TableSpec } from '@jejak/projections';
import { ENTREPRENEUR_EVENT_TYPES } from '../shared/event-types';
import { entrepreneurStreamId, journeyEvents } from '../shared/recorded-journey-event';
import { copyNewRows, insertNewRows, type RowTable } from '../shared/row-table';
import { timelineEntry, type TimelineEntry } from './timeline.entry';

export const TIMELINE_TABLE = 'timeline';

const table: TableSpec = {
  name: TIMELINE_TABLE,
  ddl: (t) => `CREATE TABLE ${t} (
    global_position bigint NOT NULL,
    entrepreneur_id uuid NOT NULL,
    version integer NOT NULL,
    event_id uuid NOT NULL,
    type text NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    actor_id text NOT NULL,
    actor_role text NOT NULL,
    summary json NOT NULL
  )`,
  // the primary key too is built after a rebuild's bulk load (once, sorted) rather than row by row
  indexes: (t, ix) => [`ALTER TABLE ${t} ADD PRIMARY KEY (global_position)`, `CREATE UNIQUE INDEX ${ix('case_version')} ON ${t} (entrepreneur_id, version)`],
};

const rows: RowTable<TimelineEntry> = {
  key: 'global_position',
  keyType: 'bigint',
  columns: [
    { name: 'global_position', sqlType: 'bigint', write: (e) => e.globalPosition },
    { name: 'entrepreneur_id', sqlType: 'uuid', write: (e) => e.entrepreneurId },
    { name: 'version', sqlType: 'integer', write: (e) => e.version },
    { name: 'event_id', sqlType: 'uuid', write: (e) => e.eventId },
    { name: 'type', sqlType: 'text', write: (e) => e.type },
    { name: 'occurred_at', sqlType: 'timestamptz', write: (e) => e.occurredAt },
    { name: 'recorded_at', sqlType: 'timestamptz', write: (e) => e.recordedAt },
    { name: 'actor_id', sqlType: 'text', write: (e) => e.actorId },
    { name: 'actor_role', sqlType: 'text', write: (e) => e.actorRole ?? '' },
    { name: 'summary', sqlType: 'json', write: (e) => e.summary },
  ],
  read: () => {
    throw new Error('timeline rows are written, never folded');
  },
};

/**
 * Timeline rows are never updated: live, an event delivered again conflicts on its position and
 * is ignored; in a rebuild each event arrives exactly once into a fresh table, so rows are copied.
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  // 2: summary is json, not jsonb. It is only ever stored and handed back whole: json keeps the
  // text as written (already in the event's key order), where jsonb parsed every row into a tree
  // on the way in and printed it again on the way out (a rebuild copies one row per event)
  version: 2,
  tables: [table],
  handles: ENTREPRENEUR_EVENT_TYPES,
  async applyBatch(ctx: ProjectionContext, batch: readonly RecordedEvent[]) {
    const entries: TimelineEntry[] = [];
    for (const event of journeyEvents(batch)) {
      const id = entrepreneurStreamId(event);
      if (id !== undefined) entries.push(timelineEntry(id, event));
    }
    await (ctx.rebuilding ? copyNewRows : insertNewRows)(ctx.client, ctx.table(TIMELINE_TABLE), rows, entries);
  },
};
