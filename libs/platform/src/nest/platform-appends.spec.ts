import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { eventStoreMigrations, type EventStore } from '@jejak/event-store';
import { newEvent, testStream } from '@jejak/event-store/testing';
import { appendSignalConnections as listening, createTestDatabase, eventually, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { loadConfig } from '../config';
import { runMigrations } from '../migrations';
import { HealthService } from './health.service';
import { PlatformModule } from './platform.module';
import { EVENT_STORE } from './tokens';

/** An app process on PlatformModule, as every Jejak process starts, configured by `env`. */
async function startProcess(db: TestDatabase, env: NodeJS.ProcessEnv) {
  @Module({ imports: [PlatformModule.forRoot({ config: loadConfig({ LOG_LEVEL: 'silent', ...env }), databaseUrl: db.url, poolSize: 2 })] })
  class SignalProcessModule {}
  const app = await NestFactory.create(SignalProcessModule, { logger: false, abortOnError: false });
  await app.init();
  return app;
}

describe('PlatformModule: appends heard across processes (JEJAK_APPEND_SIGNAL), and written together (JEJAK_APPEND_GROUP_COMMIT)', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('platform_signal');
    await runMigrations(db.url, eventStoreMigrations);
    pool = db.pool(1);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it.each([
    ['on by default', {}, 1],
    ['off', { JEJAK_APPEND_SIGNAL: 'off' }, 0],
  ])('%s: a process that reads the log listens on one connection of its own, or on none, and /health says so', async (_case, env, expected) => {
    const app = await startProcess(db, env);
    const health = app.get(HealthService);
    try {
      // a process that only writes has nothing to listen for
      expect((await health.report()).checks.appendSignal).toEqual(expected ? { status: 'up', details: { state: 'idle', lastError: null } } : undefined);
      app.get<EventStore>(EVENT_STORE).onAppended?.(() => undefined);
      await eventually(async () => (await listening(pool)) >= expected, 2000);
      await new Promise((r) => setTimeout(r, 100));
      expect(await listening(pool)).toBe(expected);
      expect((await health.report()).checks.appendSignal).toEqual(expected ? { status: 'up', details: { state: 'listening', lastError: null } } : undefined);
    } finally {
      await app.close();
    }
    // closed with the app (its backend leaves pg_stat_activity a moment after the socket closes)
    expect(await eventually(async () => (await listening(pool)) === 0, 2000)).toBe(true);
  });

  it.each([
    ['group commit on by default', 2, {}],
    ['JEJAK_APPEND_GROUP_COMMIT=off', 6, { JEJAK_APPEND_GROUP_COMMIT: 'off' }],
  ])('%s: six appends made at once are written in %i transactions', async (_case, transactions, env) => {
    const app = await startProcess(db, env);
    try {
      const store = app.get<EventStore>(EVENT_STORE);
      const appended = await Promise.all(
        Array.from({ length: 6 }, () => store.append(testStream(), [newEvent()], { expectedVersion: 'no_stream' })),
      );
      // positions are (transaction id + offset) * 1,000,000 + n: the first one alone, the five made meanwhile together
      expect(new Set(appended.map((r) => Math.floor(r.firstPosition / 1_000_000))).size).toBe(transactions);
    } finally {
      await app.close();
    }
  });
});
