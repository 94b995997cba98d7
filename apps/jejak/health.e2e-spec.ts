import { startTestApp, type TestApp } from './testing/start-test-app';

describe('the all-in-one process', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers /health with the database up', async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'up', checks: { database: { status: 'up' } } });
  });

  it('exposes Prometheus metrics', async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('jejak_process_cpu_user_seconds_total');
  });
});
