import { randomUUID } from 'node:crypto';
import { eventStoreMigrations, PostgresEventStore, type NewEvent } from '@jejak/event-store';
import { runMigrations } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { projectionsMigrations } from '../migrations';
import { loadProjectionsConfig, type ProjectionsConfig } from '../engine/projections.config';

export interface Testbed {
  db: TestDatabase;
  pool: Pool;
  store: PostgresEventStore;
  close(): Promise<void>;
}

/** a fresh database with the event store and the projection engine's tables */
export async function projectionTestbed(prefix: string): Promise<Testbed> {
  const db = await createTestDatabase(prefix);
  await runMigrations(db.url, [...eventStoreMigrations, ...projectionsMigrations]);
  const pool = db.pool(20);
  const store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
  return {
    db,
    pool,
    store,
    async close() {
      await store.close();
      await db.drop();
    },
  };
}

export function testConfig(overrides: Partial<ProjectionsConfig> = {}): ProjectionsConfig {
  return loadProjectionsConfig({}, { pollIntervalMs: 20, leaderRetryMs: 200, batchSize: 500, rebuildBatchSize: 1000, ...overrides });
}

export function testEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  const now = new Date().toISOString();
  return { id: randomUUID(), type, schemaVersion: 1, data, metadata: { actorId: 'test', actorRole: 'system', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: now } };
}

const TYPES = ['Registered', 'Trained', 'Monitored', 'Funded'];

/** appends streams × perStream events, `perAppend` at a time, `concurrency` streams at once; returns the last position */
export async function appendLog(store: PostgresEventStore, opts: { streams: number; perStream: number; perAppend?: number; concurrency?: number }): Promise<number> {
  const perAppend = opts.perAppend ?? 50;
  let next = 0;
  let last = 0;
  const worker = async () => {
    while (next < opts.streams) {
      const stream = `test-${randomUUID()}`;
      next++;
      for (let v = 0; v < opts.perStream; v += perAppend) {
        const n = Math.min(perAppend, opts.perStream - v);
        const events = Array.from({ length: n }, (_, i) => testEvent(TYPES[(v + i) % TYPES.length], { n: v + i }));
        const r = await store.append(stream, events, { expectedVersion: v });
        last = Math.max(last, r.lastPosition);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  return last;
}

/** md5 over every row, in a stable order: equal checksums mean equal tables */
export async function tableChecksum(pool: Pick<Pool, 'query'>, table: string): Promise<string> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${table} t`);
  return `${rows[0].n}:${rows[0].sum}`;
}

export async function checkpointOf(pool: Pick<Pool, 'query'>, name: string): Promise<{ position: number; status: string; error: string | null }> {
  const { rows } = await pool.query(`SELECT position, status, error FROM projection_checkpoints WHERE name = $1`, [name]);
  return { position: Number(rows[0]?.position ?? 0), status: rows[0]?.status, error: rows[0]?.error ?? null };
}
