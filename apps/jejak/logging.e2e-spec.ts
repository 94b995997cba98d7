import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueLocalToken, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalAuthConfig } from '@jejak/auth';
import { createTestDatabase, type TestDatabase } from '@jejak/testing';
import { aRegistration } from '../../test/e2e/journey-http.fixture';

const TS_REGISTER = join(__dirname, '..', '..', 'libs', 'projections', 'src', 'testing', 'ts-register.js');
const JWT_SECRET = 'logging-e2e-secret-at-least-32-bytes-long!';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  actor?: string;
  role?: string;
  req?: { method: string; path: string };
  res?: { statusCode: number };
  responseTime?: number;
}

/** The all-in-one process as deployed, LOG_LEVEL=info: what its operator's log collector receives on stdout. */
describe('the structured log', () => {
  let db: TestDatabase;
  let dataDir: string;
  let child: ChildProcess;
  let out = '';
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase('logging');
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-logging-'));
    child = spawn(process.execPath, ['-r', TS_REGISTER, join(__dirname, 'main.ts')], {
      env: { ...process.env, DATABASE_URL: db.url, JEJAK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', JEJAK_AUTH_MODE: 'local', JEJAK_JWT_SECRET: JWT_SECRET, KAFKA_BROKERS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${out}\n${err}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** the JSON lines written so far, once the line for `reqId` has arrived (a response is logged when it ends) */
  async function linesUntil(reqId: string): Promise<LogLine[]> {
    for (let i = 0; i < 100; i++) {
      const lines = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine);
      if (lines.some((l) => l.reqId === reqId)) return lines;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no log line for ${reqId}:\n${out}`);
  }

  it('writes one JSON line per request with the correlation id, actor, status and time, and nothing personal', async () => {
    const auth: LocalAuthConfig = { mode: 'local', issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, secret: JWT_SECRET, keyFile: join(dataDir, 'unused.pem') };
    const token = await issueLocalToken(auth, { sub: 'siti', role: 'caseworker' });
    const registration = aRegistration({ fullName: 'Rahayu Kusumawardani' });
    for (const probe of ['/health', '/health/live', '/health/ready']) expect((await fetch(`${url}${probe}`)).status).toBe(200);

    const created = await fetch(`${url}/v1/entrepreneurs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-correlation-id': 'log-e2e-register' },
      body: JSON.stringify(registration),
    });
    expect(created.status).toBe(201);
    const searched = await fetch(`${url}/v1/entrepreneurs?q=Rahayu`, { headers: { authorization: `Bearer ${token}`, 'x-correlation-id': 'log-e2e-search' } });
    expect(searched.status).toBe(200);
    const refused = await fetch(`${url}/v1/entrepreneurs`, { headers: { 'x-correlation-id': 'log-e2e-no-token' } });
    expect(refused.status).toBe(401);

    const lines = await linesUntil('log-e2e-no-token');
    const register = lines.filter((l) => l.reqId === 'log-e2e-register');
    expect(register).toEqual([
      expect.objectContaining({ level: 30, actor: 'siti', role: 'caseworker', req: { method: 'POST', path: '/v1/entrepreneurs' }, res: { statusCode: 201 } }),
    ]);
    expect(register[0].responseTime).toEqual(expect.any(Number));
    expect(register[0].msg).toMatch(/^POST \/v1\/entrepreneurs 201 \d+ ms$/);
    expect(lines.find((l) => l.reqId === 'log-e2e-search')).toMatchObject({ req: { method: 'GET', path: '/v1/entrepreneurs' }, res: { statusCode: 200 } });
    // a refused request is a warning, without an actor: nobody was authenticated
    const noToken = lines.find((l) => l.reqId === 'log-e2e-no-token');
    expect(noToken).toMatchObject({ level: 40, res: { statusCode: 401 } });
    expect(noToken).not.toHaveProperty('actor');
    // probes are not logged
    expect(lines.filter((l) => l.req?.path.startsWith('/health'))).toEqual([]);

    // no token, no query string, no body field: personal data and credentials stay out of the log
    for (const secret of [token, JWT_SECRET, registration.nik, registration.fullName, 'Rahayu', registration.phone, registration.address])
      expect(out).not.toContain(secret);
  });
});
