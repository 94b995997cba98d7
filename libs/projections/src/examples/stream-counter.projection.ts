import type { RecordedEvent } from '@jejak/event-store';
import { EVERY_EVENT_TYPE, type Projection, type ProjectionContext } from '../projection';

interface StreamRow {
  stream_id: string;
  events: number;
  last_type: string;
  last_position: number;
}

interface TypeRow {
  event_type: string;
  events: number;
  last_position: number;
}

/** pure: folds one event into a stream's row; an event at or below the row's position is a redelivery */
export function evolveStream(row: StreamRow | undefined, e: RecordedEvent): StreamRow {
  if (row && e.globalPosition <= row.last_position) return row;
  return { stream_id: e.streamId, events: (row?.events ?? 0) + 1, last_type: e.type, last_position: e.globalPosition };
}

function evolveType(row: TypeRow | undefined, e: RecordedEvent): TypeRow {
  if (row && e.globalPosition <= row.last_position) return row;
  return { event_type: e.type, events: (row?.events ?? 0) + 1, last_position: e.globalPosition };
}

export interface StreamCounterOptions {
  name?: string;
  version?: number;
  /** event types it reads; default: all */
  handles?: ReadonlySet<string>;
  /** test hook: runs inside applyBatch after the rows are written, before the commit */
  afterWrite?(events: readonly RecordedEvent[]): Promise<void> | void;
}

/**
 * The engine's reference projection (tests and bench): events per stream and per type. It shows
 * the recipe: one query loads the rows a batch touches, a pure evolve folds in memory, one
 * unnest upsert writes back. Events whose data says `{ poison: true }` throw, to exercise dead letters.
 */
export function streamCounterProjection(options: StreamCounterOptions = {}): Projection {
  const name = options.name ?? 'stream_counter';
  return {
    name,
    version: options.version ?? 1,
    handles: options.handles ?? EVERY_EVENT_TYPE,
    tables: [
      {
        name: `${name}_streams`,
        ddl: (t) => `CREATE TABLE ${t} (stream_id text PRIMARY KEY, events integer NOT NULL, last_type text NOT NULL, last_position bigint NOT NULL)`,
        indexes: (t, ix) => [`CREATE INDEX ${ix('last_type')} ON ${t} (last_type)`],
      },
      {
        name: `${name}_types`,
        ddl: (t) => `CREATE TABLE ${t} (event_type text PRIMARY KEY, events integer NOT NULL, last_position bigint NOT NULL)`,
      },
    ],
    async applyBatch(ctx, events) {
      for (const e of events) if ((e.data as { poison?: boolean } | null)?.poison) throw new Error(`cannot project poison event ${e.id}`);
      await foldStreams(ctx, `${name}_streams`, events);
      await foldTypes(ctx, `${name}_types`, events);
      await options.afterWrite?.(events);
    },
  };
}

async function foldStreams(ctx: ProjectionContext, table: string, events: readonly RecordedEvent[]): Promise<void> {
  const t = ctx.table(table);
  const ids = [...new Set(events.map((e) => e.streamId))];
  const { rows } = await ctx.client.query<StreamRow>(`SELECT stream_id, events, last_type, last_position::float8 AS last_position FROM ${t} WHERE stream_id = ANY($1)`, [ids]);
  const state = new Map(rows.map((r) => [r.stream_id, r]));
  for (const e of events) state.set(e.streamId, evolveStream(state.get(e.streamId), e));
  const out = [...state.values()];
  await ctx.client.query(
    `INSERT INTO ${t} (stream_id, events, last_type, last_position)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[])
     ON CONFLICT (stream_id) DO UPDATE SET events = EXCLUDED.events, last_type = EXCLUDED.last_type, last_position = EXCLUDED.last_position`,
    [out.map((r) => r.stream_id), out.map((r) => r.events), out.map((r) => r.last_type), out.map((r) => r.last_position)],
  );
}

async function foldTypes(ctx: ProjectionContext, table: string, events: readonly RecordedEvent[]): Promise<void> {
  const t = ctx.table(table);
  const types = [...new Set(events.map((e) => e.type))];
  const { rows } = await ctx.client.query<TypeRow>(`SELECT event_type, events, last_position::float8 AS last_position FROM ${t} WHERE event_type = ANY($1)`, [types]);
  const state = new Map(rows.map((r) => [r.event_type, r]));
  for (const e of events) state.set(e.type, evolveType(state.get(e.type), e));
  const out = [...state.values()];
  await ctx.client.query(
    `INSERT INTO ${t} (event_type, events, last_position) SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[])
     ON CONFLICT (event_type) DO UPDATE SET events = EXCLUDED.events, last_position = EXCLUDED.last_position`,
    [out.map((r) => r.event_type), out.map((r) => r.events), out.map((r) => r.last_position)],
  );
}
