import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTH_CONFIG, issueLocalToken, type LocalAuthConfig } from '@jejak/auth';
import { startApp, type RunningApp } from '@jejak/platform';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { aRegistration } from '../../test/e2e/journey-http.fixture';
import { allMigrations } from '../jejak/migrations';
import { ProjectorAppModule } from '../projector/projector.module';
import { CaseServiceModule } from './case-service.module';

/** The scaled-out shape of deploy/: an API process that does not project, and a projector process, on one database. */
describe('case-service and projector as separate processes', () => {
  let db: TestDatabase;
  let api: RunningApp;
  let projector: RunningApp;

  beforeAll(async () => {
    db = await createTestDatabase('distributed');
    const env = { ...process.env, DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', JEJAK_DATA_DIR: mkdtempSync(join(tmpdir(), 'jejak-dist-')) };
    api = await startApp({ name: 'api', migrations: allMigrations, env, module: (c, d) => CaseServiceModule.forRoot(c, d, { runProjector: false }), configure: (app) => CaseServiceModule.configure(app) });
    projector = await startApp({ name: 'projector', migrations: allMigrations, env, module: (c, d) => ProjectorAppModule.forRoot(c, d) });
  });
  afterAll(async () => {
    await api?.close();
    await projector?.close();
    await db.drop();
  });

  it('answers a write from the API and the read once the projector process has caught up', async () => {
    const token = await issueLocalToken(api.app.get<LocalAuthConfig>(AUTH_CONFIG), { sub: 'siti', role: 'caseworker' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const created = await fetch(`${api.url}/v1/entrepreneurs`, { method: 'POST', headers, body: JSON.stringify(aRegistration()) });
    expect(created.status).toBe(201);
    const { id, globalPosition } = (await created.json()) as { id: string; globalPosition: number };
    const list = await fetch(`${api.url}/v1/entrepreneurs?minPosition=${globalPosition}`, { headers });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { id: string; stage: string }[] };
    expect(body.items).toEqual([expect.objectContaining({ id, stage: 'registered' })]);
  });

  it('reports both processes healthy', async () => {
    for (const p of [api, projector]) expect((await fetch(`${p.url}/health`)).status).toBe(200);
  });
});
