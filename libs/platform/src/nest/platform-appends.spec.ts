import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '@jejak/event-store';
import { appendSignalConnections as listening, createTestDatabase, eventually, type TestDatabase } from '@jejak/testing';
import type { Pool } from 'pg';
import { loadConfig } from '../config';
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

describe('PlatformModule: appends heard across processes (JEJAK_APPEND_SIGNAL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('platform_signal');
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
});
