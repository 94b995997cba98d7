import { Logger } from '@nestjs/common';
import { AuditAnchors, eventStoreMigrations, PostgresEventStore } from '@jejak/event-store';
import { newEvent, testStream } from '@jejak/event-store/testing';
import { createTestDatabase, lastCommittedPosition, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { startApp, type RunningApp } from '../bootstrap';
import { PlatformModule } from './platform.module';

/** A process that projects, as far as the periodic seal is concerned: the platform with sealAuditAnchors. */
function startSealingProcess(db: TestDatabase, interval: string, migrations: typeof eventStoreMigrations | [] = eventStoreMigrations): Promise<RunningApp> {
  return startApp({
    name: 'sealing',
    migrations,
    module: (config) => ({ module: class SealingModule {}, imports: [PlatformModule.forRoot({ config, databaseUrl: db.url, poolSize: 2, sealAuditAnchors: true })] }),
    env: { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JEJAK_AUDIT_ANCHOR_INTERVAL: interval },
  });
}

describe('the periodic seal of audit anchors', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let anchors: AuditAnchors;
  beforeEach(async () => {
    db = await createTestDatabase('anchor_schedule');
    pool = db.pool(2);
    store = new PostgresEventStore(pool);
    anchors = new AuditAnchors(pool);
  });
  afterEach(() => db.drop());

  const sealedUpTo = async () => (await anchors.latest())?.toPosition ?? 0;

  it('seals what was written since, every interval, without being asked; after shutdown it seals nothing more', async () => {
    const running = await startSealingProcess(db, '100ms');
    try {
      for (const round of [1, 2]) {
        await store.append(testStream(), [newEvent('Numbered', { round })], { expectedVersion: 'no_stream' });
        const written = await lastCommittedPosition(pool);
        for (let i = 0; i < 200 && (await sealedUpTo()) < written; i++) await new Promise((r) => setTimeout(r, 50));
        expect(await sealedUpTo()).toBe(written);
      }
    } finally {
      await running.close();
    }
    const before = (await anchors.list()).length;
    await store.append(testStream(), [newEvent('AfterShutdown')], { expectedVersion: 'no_stream' });
    await new Promise((r) => setTimeout(r, 500)); // five intervals: a schedule still running would have sealed it
    expect(await anchors.list()).toHaveLength(before);
    expect(await anchors.verify()).toMatchObject({ valid: true, checkedEvents: 2 });
  });

  it('stops at once on shutdown, not after the interval under way (an hour)', async () => {
    const running = await startSealingProcess(db, '1h');
    await store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' });
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('logs a failed round as a warning and carries on', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const running = await startSealingProcess(db, '50ms', []); // no migrations: no table to seal into
    try {
      for (let i = 0; i < 100 && warn.mock.calls.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(warn.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(warn.mock.calls[0][0]).toMatch(/^audit anchors not sealed this round: relation "(events|audit_anchors)" does not exist$/);
    } finally {
      await running.close();
      warn.mockRestore();
    }
  });
});
