import type { Pool, PoolClient } from 'pg';
import type { Projection } from '../projection';
import { LOCK_NAMESPACE, qualified, quoteIdent, SETUP_LOCK_ID } from './sql';

/** Creates the projection's tables in `schema`; indexes can wait until after a bulk load. */
export async function createTables(client: PoolClient, projection: Projection, schema: string, withIndexes: boolean): Promise<void> {
  for (const spec of projection.tables) await client.query(spec.ddl(qualified(schema, spec.name)));
  if (withIndexes) await createIndexes(client, projection, schema);
}

export async function createIndexes(client: PoolClient, projection: Projection, schema: string): Promise<void> {
  for (const spec of projection.tables) {
    const statements = spec.indexes?.(qualified(schema, spec.name), (suffix) => quoteIdent(`${spec.name}_${suffix}`)) ?? [];
    for (const sql of statements) await client.query(sql);
  }
}

async function existingTables(client: PoolClient, schema: string, names: string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_name = ANY($2)`,
    [schema, names],
  );
  return new Set(rows.map((r) => r.name));
}

type Column = { name: string; type: string };

async function columnsOf(client: PoolClient, qualifiedName: string): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [qualifiedName],
  );
  return rows;
}

/**
 * A projection whose new version adds columns: its live table keeps serving, frozen, until the
 * rebuilt one is swapped in (ADR 0005), while the new code already queries the new columns. So
 * the columns the new table has and the live one lacks are added to the live one, nullable and
 * without a default (instant, whatever its size): queries read NULL there until the swap, and need
 * no fallback of their own. The new columns are learnt from the new DDL itself, created in a
 * scratch schema inside this transaction (the privilege a rebuild needs anyway, where a temporary
 * table would need TEMPORARY too). Only additions: a column whose type changed is left to the rebuild.
 */
async function addNewColumns(client: PoolClient, projection: Projection, schema: string): Promise<string[]> {
  const added: string[] = [];
  // ADD COLUMN takes the table's exclusive lock; behind a long read of an old replica it would hold
  // every other read of the table in the queue: start-up fails after 5 s instead, and says why
  await client.query(`SET LOCAL lock_timeout = '5s'`);
  const scratch = 'jejak_probe';
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(scratch)} CASCADE`);
  await client.query(`CREATE SCHEMA ${quoteIdent(scratch)}`);
  await createTables(client, projection, scratch, false);
  for (const spec of projection.tables) {
    const probe = qualified(scratch, spec.name);
    const live = qualified(schema, spec.name);
    const have = new Set((await columnsOf(client, live)).map((c) => c.name));
    for (const column of await columnsOf(client, probe)) {
      if (have.has(column.name)) continue;
      await client.query(`ALTER TABLE ${live} ADD COLUMN ${quoteIdent(column.name)} ${column.type}`);
      added.push(`${spec.name}.${column.name}`);
    }
  }
  await client.query(`DROP SCHEMA ${quoteIdent(scratch)} CASCADE`);
  // the limit is for these ALTERs only, not for the set-up of the projections after this one
  await client.query(`SET LOCAL lock_timeout TO DEFAULT`);
  return added;
}

/**
 * Makes sure every projection has its live tables and a checkpoint, so queries work from the
 * first request even before the projector catches up. A projection with no checkpoint, or with
 * a table missing, starts over from position 0 (its remaining tables are emptied): a partial
 * read model would be silently wrong. One whose version changed gets the new version's added
 * columns on its live tables (addNewColumns) until its rebuild. Serialised by an advisory lock:
 * several processes start at once.
 */
export async function ensureLiveTables(pool: Pool, projections: readonly Projection[], schema: string): Promise<{ reset: string[]; added: string[] }> {
  const client = await pool.connect();
  const reset: string[] = [];
  const added: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, SETUP_LOCK_ID]);
    const { rows } = await client.query<{ name: string; version: number }>(`SELECT name, version FROM projection_checkpoints WHERE name = ANY($1)`, [projections.map((p) => p.name)]);
    const known = new Map(rows.map((r) => [r.name, Number(r.version)]));
    for (const p of projections) {
      const names = p.tables.map((t) => t.name);
      const existing = await existingTables(client, schema, names);
      if (known.has(p.name) && existing.size === names.length) {
        if (known.get(p.name) !== p.version) added.push(...(await addNewColumns(client, p, schema)));
        continue;
      }
      for (const spec of p.tables) {
        if (existing.has(spec.name)) await client.query(`TRUNCATE ${qualified(schema, spec.name)}`);
      }
      await createTables(client, { ...p, tables: p.tables.filter((t) => !existing.has(t.name)) }, schema, true);
      await client.query(
        `INSERT INTO projection_checkpoints (name, position, version, status) VALUES ($1, 0, $2, 'running')
         ON CONFLICT (name) DO UPDATE SET position = 0, version = $2, status = 'running', error = NULL, updated_at = now()`,
        [p.name, p.version],
      );
      reset.push(p.name);
    }
    await client.query('COMMIT');
    return { reset, added };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
