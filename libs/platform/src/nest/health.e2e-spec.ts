import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { startApp, type RunningApp } from '../bootstrap';
import { PlatformModule } from './platform.module';

/** The probes over HTTP when the database itself stops answering. */
describe('readiness and liveness', () => {
  let db: TestDatabase;
  let running: RunningApp;
  let admin: Client;
  beforeAll(async () => {
    db = await createTestDatabase('health');
    running = await startApp({
      name: 'health',
      migrations: [],
      module: (config) => ({ module: class HealthProbeModule {}, imports: [PlatformModule.forRoot({ config, databaseUrl: db.url, poolSize: 2 })] }),
      env: { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    });
    admin = new Client({ connectionString: process.env.JEJAK_TEST_ADMIN_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
    await admin.end();
    await running.close();
    await db.drop();
  });

  const statusOf = async (path: string) => {
    const res = await fetch(`${running.url}${path}`);
    return { path, status: res.status, body: await res.json() };
  };

  it('is not ready while the database refuses connections, stays live, and is ready again when it is back', async () => {
    await admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db.name]);

    const ready = await statusOf('/health/ready');
    expect(ready).toMatchObject({ status: 503, body: { status: 'down', checks: { database: { status: 'down', details: { error: expect.any(String) } } } } });
    expect(await statusOf('/health/live')).toEqual({ path: '/health/live', status: 200, body: { status: 'up', checks: {} } });

    await admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
    expect(await statusOf('/health/ready')).toMatchObject({ status: 200, body: { status: 'up' } });
  });
});
