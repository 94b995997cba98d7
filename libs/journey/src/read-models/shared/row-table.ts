import { copyRows, prepared, type CopyValue } from '@jejak/projections';
import type { PoolClient } from 'pg';

/** One column of a read-model row and the JSON value that carries it to PostgreSQL. */
export interface ColumnSpec<Row> {
  name: string;
  /** the column's SQL type; 'date' columns are read back as text, so no time zone can shift them */
  sqlType: string;
  /** a JSON value: strings for dates and instants, arrays for array columns, objects for jsonb */
  write(row: Row): unknown;
}

/**
 * How a projection's rows are loaded for a batch and written back: one `= ANY` select and one
 * multi-row upsert per batch, never a statement per event (the full rebuild must reach tens of
 * thousands of events per second). The rows travel as one JSON document expanded by
 * `json_populate_recordset` into the table's own row type: measured 1.5-2x faster than
 * `unnest` over one array parameter per column, mostly because PostgreSQL parses one document
 * instead of many array literals. Each runs as a prepared statement (`prepared`): parsed once
 * per connection, not at every batch.
 */
export interface RowTable<Row> {
  key: string;
  keyType: string;
  columns: readonly ColumnSpec<Row>[];
  /** a loaded record back into a row */
  read(record: Record<string, unknown>): Row;
}

function selectList<Row>(spec: RowTable<Row>): string {
  return spec.columns.map((c) => (c.sqlType === 'date' ? `${c.name}::text AS ${c.name}` : c.name)).join(', ');
}

async function loadRows<Row>(client: PoolClient, table: string, spec: RowTable<Row>, keys: readonly string[]): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  if (keys.length === 0) return rows;
  const { rows: records } = await client.query(prepared(`SELECT ${selectList(spec)} FROM ${table} WHERE ${spec.key} = ANY($1::${spec.keyType}[])`, [keys]));
  for (const r of records) rows.set(String(r[spec.key]), spec.read(r));
  return rows;
}

async function upsertRows<Row>(client: PoolClient, table: string, spec: RowTable<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = spec.columns.map((c) => c.name).join(', ');
  const updates = spec.columns.filter((c) => c.name !== spec.key).map((c) => `${c.name} = EXCLUDED.${c.name}`).join(', ');
  await client.query(
    prepared(
      `INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(null::${table}, $1::json)
       ON CONFLICT (${spec.key}) DO UPDATE SET ${updates}`,
      [toJson(spec, rows)],
    ),
  );
}

/** Inserts rows that are never updated (an event applied again conflicts and is ignored). */
export async function insertNewRows<Row>(client: PoolClient, table: string, spec: RowTable<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = spec.columns.map((c) => c.name).join(', ');
  await client.query(
    prepared(`INSERT INTO ${table} (${names}) SELECT ${names} FROM json_populate_recordset(null::${table}, $1::json) ON CONFLICT DO NOTHING`, [toJson(spec, rows)]),
  );
}

/**
 * Appends rows with COPY: for a rebuild into a fresh table, where each event arrives exactly once
 * and no row can conflict (measured ~2-3x cheaper for PostgreSQL than the INSERT above, and no JSON document to build).
 */
export async function copyNewRows<Row>(client: PoolClient, table: string, spec: RowTable<Row>, rows: readonly Row[]): Promise<void> {
  const columns = spec.columns;
  const arrays = columns.map((c) => c.sqlType.endsWith('[]'));
  await copyRows(
    client,
    table,
    columns.map((c) => c.name),
    rows.map((r) => columns.map((c, i) => (arrays[i] ? arrayLiteral(c.write(r)) : (c.write(r) as CopyValue)))),
  );
}

/**
 * Writes the rows a batch changed. Live: one upsert. In a rebuild the projection is alone on its
 * fresh table and hands each event once, in order, so a row the batch did not find when it loaded
 * is new for certain: those are COPYed, and only rows that were there already are upserted.
 */
async function writeRows<Row>(
  ctx: { client: PoolClient; rebuilding: boolean },
  table: string,
  spec: RowTable<Row>,
  rows: readonly Row[],
  loaded: ReadonlySet<string>,
): Promise<void> {
  if (!ctx.rebuilding) return upsertRows(ctx.client, table, spec, rows);
  const key = spec.columns.find((c) => c.name === spec.key) as ColumnSpec<Row>;
  const fresh: Row[] = [];
  const known: Row[] = [];
  for (const row of rows) (loaded.has(String(key.write(row))) ? known : fresh).push(row);
  await copyNewRows(ctx.client, table, spec, fresh);
  await upsertRows(ctx.client, table, spec, known);
}

/** a text[] value in PostgreSQL's array syntax (COPY's text format does not take JSON arrays) */
function arrayLiteral(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const items = (value as unknown[]).map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`));
  return `{${items.join(',')}}`;
}

function toJson<Row>(spec: RowTable<Row>, rows: readonly Row[]): string {
  return JSON.stringify(rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const c of spec.columns) o[c.name] = c.write(r);
    return o;
  }));
}

/**
 * One batch of a read model with a row per key: one load of the rows the events touch, a fold
 * in memory, one write of the rows that changed (`finish` derives what the fold leaves out).
 * Each event's key is worked out once; events without one are skipped.
 */
export async function projectRows<Row, E>(
  ctx: { client: PoolClient; rebuilding: boolean },
  table: string,
  spec: RowTable<Row>,
  events: readonly E[],
  keyOf: (event: E) => string | undefined,
  evolve: (row: Row | undefined, event: E) => Row | undefined,
  finish: (row: Row) => Row = (row) => row,
): Promise<void> {
  const keyed: [string, E][] = [];
  for (const event of events) {
    const key = keyOf(event);
    if (key !== undefined) keyed.push([key, event]);
  }
  if (keyed.length === 0) return;
  const rows = await loadRows(ctx.client, table, spec, [...new Set(keyed.map(([key]) => key))]);
  const loaded = new Set(rows.keys());
  const changed = new Map<string, Row>();
  for (const [key, event] of keyed) {
    const before = rows.get(key);
    const after = evolve(before, event);
    if (after === undefined || after === before) continue;
    rows.set(key, after);
    changed.set(key, after);
  }
  await writeRows(ctx, table, spec, [...changed.values()].map(finish), loaded);
}

export const asNumber = (v: unknown): number => Number(v);
export const asNullableString = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
