import type { PoolClient } from 'pg';

/** One column of a read-model row: its SQL type (for unnest) and how it crosses the wire. */
export interface ColumnSpec<Row> {
  name: string;
  /** element type for `unnest($n::<type>[])`, e.g. 'uuid', 'text', 'date', 'bigint', 'jsonb' */
  sqlType: string;
  write(row: Row): unknown;
  /** the column's own type when it differs from the element shipped (e.g. 'text[]' shipped as literals) */
  columnType?: string;
}

/**
 * How a projection's rows are loaded for a batch and written back: one `= ANY` select and one
 * multi-row `INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE` per batch, never a
 * statement per event (the full rebuild must reach tens of thousands of events per second).
 */
export interface RowTable<Row> {
  key: string;
  keyType: string;
  columns: readonly ColumnSpec<Row>[];
  /** a loaded record back into a row; dates arrive as text (no time-zone shift) because the select casts them */
  read(record: Record<string, unknown>): Row;
}

function selectList<Row>(spec: RowTable<Row>): string {
  return spec.columns
    .map((c) => (c.sqlType === 'date' ? `${c.name}::text AS ${c.name}` : c.name))
    .join(', ');
}

export async function loadRows<Row>(client: PoolClient, table: string, spec: RowTable<Row>, keys: readonly string[]): Promise<Map<string, Row>> {
  const rows = new Map<string, Row>();
  if (keys.length === 0) return rows;
  const { rows: records } = await client.query(
    `SELECT ${selectList(spec)} FROM ${table} WHERE ${spec.key} = ANY($1::${spec.keyType}[])`,
    [keys],
  );
  for (const r of records) rows.set(String(r[spec.key]), spec.read(r));
  return rows;
}

export async function upsertRows<Row>(client: PoolClient, table: string, spec: RowTable<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const names = spec.columns.map((c) => c.name);
  const unnest = spec.columns.map((c, i) => `$${i + 1}::${c.sqlType}[]`).join(', ');
  const select = spec.columns.map((c) => (c.columnType ? `${c.name}::${c.columnType}` : c.name)).join(', ');
  const updates = names.filter((n) => n !== spec.key).map((n) => `${n} = EXCLUDED.${n}`).join(', ');
  const params = spec.columns.map((c) => rows.map((r) => c.write(r)));
  await client.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS u(${names.join(', ')}) ON CONFLICT (${spec.key}) DO UPDATE SET ${updates}`,
    params,
  );
}

/** Folds a batch into the rows it touches; `evolve` returns undefined for "no row (yet)". */
export function foldRows<Row, E>(
  rows: Map<string, Row>,
  events: readonly E[],
  keyOf: (event: E) => string | undefined,
  evolve: (row: Row | undefined, event: E) => Row | undefined,
): Row[] {
  const changed = new Map<string, Row>();
  for (const event of events) {
    const key = keyOf(event);
    if (key === undefined) continue;
    const before = rows.get(key);
    const after = evolve(before, event);
    if (after === undefined || after === before) continue;
    rows.set(key, after);
    changed.set(key, after);
  }
  return [...changed.values()];
}

export const asNumber = (v: unknown): number => Number(v);
export const asNullableString = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const asIsoInstant = (v: unknown): string => new Date(v as string | Date).toISOString();
