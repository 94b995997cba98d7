import { randomBytes } from 'node:crypto';
import { eventStoreMigrations, PostgresEventStore, type RecordedEvent } from '@jejak/event-store';
import { personalDataMigrations, PersonalDataVault, secretsOf } from '@jejak/personal-data';
import { runMigrations } from '@jejak/platform';
import type { Projection, ProjectionContext } from '@jejak/projections';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { personalFieldsOf, type JourneyEvent } from '../../domain/events/catalogue';
import { toNewEvent } from './journey-events.fixture';

const quote = (name: string) => `"${name}"`;

/**
 * A real database with the event store and the vault, and the projections' tables created the
 * way the engine creates them; `project` applies everything after a position in one transaction,
 * as the engine does, so projection tests need no engine running.
 */
export class ProjectionHarness {
  private lastAppended = 0;

  private constructor(
    readonly db: TestDatabase,
    readonly pool: Pool,
    readonly store: PostgresEventStore,
    readonly vault: PersonalDataVault,
  ) {}

  static async start(prefix: string, projections: readonly Projection[]): Promise<ProjectionHarness> {
    const db = await createTestDatabase(prefix);
    await runMigrations(db.url, [...eventStoreMigrations, ...personalDataMigrations]);
    const pool = db.pool(4);
    const master = randomBytes(32);
    const vault = new PersonalDataVault(pool, secretsOf(master));
    await vault.verifyKeys();
    for (const p of projections)
      for (const t of p.tables) {
        await pool.query(t.ddl(quote(t.name)));
        for (const sql of t.indexes?.(quote(t.name), (s) => quote(`${t.name}_${s}`)) ?? []) await pool.query(sql);
      }
    return new ProjectionHarness(db, pool, new PostgresEventStore(pool), vault);
  }

  /** Appends as the command side does: personal fields sealed with the person's key. */
  async append(stream: string, events: readonly JourneyEvent[]): Promise<void> {
    const sealed = await Promise.all(
      events.map(async (e) => {
        const subject = 'entrepreneurId' in e.data && stream.startsWith('entrepreneur-') ? e.data.entrepreneurId : undefined;
        const data = subject ? await this.vault.encryptFields(subject, e.data, personalFieldsOf(e.type)) : e.data;
        return toNewEvent({ ...e, data } as JourneyEvent);
      }),
    );
    this.lastAppended = (await this.store.append(stream, sealed, { expectedVersion: 'any' })).lastPosition;
  }

  /**
   * Everything appended so far after `after`. The global order is only readable up to the oldest
   * transaction running in the cluster, and other test files share the cluster: wait for it.
   */
  async events(after = 0): Promise<RecordedEvent[]> {
    while ((await this.store.headPosition()) < this.lastAppended) await new Promise((r) => setTimeout(r, 10));
    return this.store.readAll({ after, limit: 100_000 });
  }

  /** Applies the events to the projections in one transaction, like one engine batch. */
  async project(projections: readonly Projection[], events: readonly RecordedEvent[]): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const ctx: ProjectionContext = { client, table: quote, rebuilding: false };
      for (const p of projections) await p.applyBatch(ctx, events.filter((e) => p.handles.has(e.type)));
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }

  async rows(table: string, orderBy: string): Promise<Record<string, unknown>[]> {
    return (await this.pool.query(`SELECT * FROM ${quote(table)} ORDER BY ${orderBy}`)).rows;
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.db.drop();
  }
}
