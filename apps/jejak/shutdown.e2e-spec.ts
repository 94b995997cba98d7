import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TS_REGISTER = join(__dirname, '..', '..', 'libs', 'projections', 'src', 'testing', 'ts-register.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('the all-in-one process, stopped by its operator', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'jejak-shutdown-'));
    chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as user postgres, who must reach it
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('closes cleanly on SIGTERM: exit code 0, no error, and its embedded PostgreSQL stopped', async () => {
    const child = spawn(process.execPath, ['-r', TS_REGISTER, join(__dirname, 'main.ts')], {
      env: { ...process.env, JEJAK_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', JEJAK_EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`exited with ${code} before listening:\n${out}\n${err}`)));
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);

    child.kill('SIGTERM');

    const code = await exited;
    expect(err).not.toMatch(/Error/); // first, so a failure shows what the process said
    expect(code).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
