import { DEMO_ENTREPRENEURS, loadDemoIfEmpty } from './demo';
import { startTestApp, type TestApp } from './testing/start-test-app';

describe('npm start -- --demo', () => {
  let app: TestApp;
  const log: string[] = [];
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const registered = async () => {
    const { rows } = await app.database.pool(1).query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'Registered'`);
    return rows[0].n;
  };

  it('loads 2,000 entrepreneurs on a first start and nothing on the next', async () => {
    await loadDemoIfEmpty(app.app, (m) => log.push(m));
    expect(await registered()).toBe(DEMO_ENTREPRENEURS);
    await loadDemoIfEmpty(app.app, (m) => log.push(m));
    expect(await registered()).toBe(DEMO_ENTREPRENEURS);
    expect(log.at(-1)).toContain('already loaded');
  });
});
