import { HealthService } from '@jejak/platform';
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

  it('answers /health/live without asking anything: the process answers', async () => {
    const res = await fetch(`${app.url}/health/live`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ status: 'up', checks: {} });
  });

  it('answers /health/ready with the database alone, not the projections', async () => {
    const res = await fetch(`${app.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'up', checks: { database: { status: 'up', details: { latencyMs: expect.any(Number) } } } });
    expect(await (await fetch(`${app.url}/health`)).json()).toMatchObject({ checks: { projections: expect.anything() } });
  });

  it('stays live and ready while a part a restart cannot fix is down (a stopped read model), which /health reports', async () => {
    const health = app.app.get(HealthService);
    health.register('stopped-read-model', () => ({ status: 'down', details: { state: 'stopped' } }));
    try {
      const [full, live, ready] = await Promise.all(['/health', '/health/live', '/health/ready'].map((p) => fetch(`${app.url}${p}`)));
      expect([full.status, live.status, ready.status]).toEqual([503, 200, 200]);
      expect(await full.json()).toMatchObject({ status: 'down', checks: { 'stopped-read-model': { status: 'down' } } });
    } finally {
      health.unregister('stopped-read-model');
    }
  });

  it('exposes Prometheus metrics', async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('jejak_process_cpu_user_seconds_total');
  });
});
