import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueLocalToken, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalAuthConfig, type Role } from '@jejak/auth';
import { freePort, procStatusMb } from './bench-kit';

/**
 * The all-in-one app (apps/jejak/main.ts: API, projector, relay) as a child process, so the load
 * generator never shares its event loop. Keys are handed to it in the environment, so the bench
 * signs tokens and seeds sealed personal data with the very keys the server uses.
 */
export interface JejakServer {
  url: string;
  pid: number;
  /** the master key (base64) the server seals personal data with */
  masterKey: string;
  dataDir: string;
  token(role: Role, kecamatan?: readonly string[]): Promise<string>;
  /** peak resident set size of the server so far (VmHWM), MB */
  peakRssMb(): number;
  /** current resident set size (VmRSS), MB */
  rssMb(): number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  databaseUrl: string;
  /** run the child with --cpu-prof; profiles land in this directory */
  cpuProfileDir?: string;
  /** the secrets of an earlier start, so a restarted server reads what was sealed before */
  masterKey?: string;
  log?: (line: string) => void;
}

const JWT_SECRET = randomBytes(32).toString('base64url');
const APP = join(__dirname, '..', 'apps', 'jejak', 'main.js');

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${stderr()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /health within ${timeoutMs} ms:\n${stderr()}`);
}

export async function startJejakServer(opts: ServerOptions): Promise<JejakServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'jejak-bench-app-'));
  const masterKey = opts.masterKey ?? randomBytes(32).toString('base64');
  const url = `http://127.0.0.1:${port}`;
  const nodeArgs = opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [];
  if (opts.cpuProfileDir) mkdirSync(opts.cpuProfileDir, { recursive: true });
  const child = spawn(process.execPath, [...nodeArgs, APP], {
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JEJAK_DATA_DIR: dataDir,
      // logging on, as deployed: the server pays for its request log (one JSON line per request)
      LOG_LEVEL: 'info',
      JEJAK_AUTH_MODE: 'local',
      JEJAK_JWT_SECRET: JWT_SECRET,
      JEJAK_MASTER_KEY: masterKey,
      KAFKA_BROKERS: '',
      // a deployment seals the new events once an hour (about 1 s per 100,000); here the first round
      // would seal the whole seeded log at start-up, while the benchmarks measure
      JEJAK_AUDIT_ANCHOR_INTERVAL: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-8000)));
  // the start-up lines are shown; the structured log (JSON lines) is read and dropped, as a log shipper would take it
  child.stdout?.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.startsWith('[')) opts.log?.(`[server] ${line}`);
  });
  await waitForHealth(url, child, () => err, 120_000);
  const pid = child.pid as number;
  const auth: LocalAuthConfig = { mode: 'local', issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, secret: JWT_SECRET, keyFile: join(dataDir, 'unused.pem') };
  return {
    url,
    pid,
    masterKey,
    dataDir,
    token: (role, kecamatan) => issueLocalToken(auth, { sub: `bench-${role}`, role, kecamatan, expiresIn: '4h' }),
    peakRssMb: () => procStatusMb(pid, 'VmHWM'),
    rssMb: () => procStatusMb(pid, 'VmRSS'),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        // SIGINT: main.ts closes the app and exits, which is also when --cpu-prof writes its profile
        child.kill('SIGINT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
