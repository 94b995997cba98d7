/**
 * `npm run bench:cross-process`: the projection lag of a projector in a process of its own (the
 * distributed setup: case-service, projector and relay deployed apart), hearing the writer's
 * appends through LISTEN/NOTIFY (ADR 0011), beside the same projector finding them by its poll, in
 * one run on one embedded PostgreSQL. The writer appends single events 30-70 ms apart (about 20 a
 * second, as a district office's caseworkers would), and for each, the time from the append's
 * return until the projector's checkpoint has passed it is read every 2 ms. Runs alternate
 * (poll, signal, poll, signal) so drift hits both alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { eventStoreMigrations, PostgresAppendSignal, PostgresEventStore } from '@jejak/event-store';
import { runMigrations } from '@jejak/platform';
import { projectionsMigrations } from '@jejak/projections';
import { monitoredEvent, startBenchDatabase } from './bench-kit';
import { percentile, renderTable, type ResultRow } from './bench-table';

export interface CrossProcessLagOptions {
  /** appends per run (two runs per side) */
  appends?: number;
  log?: (line: string) => void;
}

const SECTION = 'projection lag';

function startProjector(databaseUrl: string, projection: string, signal: boolean): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'lag-projector-child.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PROJECTION: projection, SIGNAL: signal ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('leader') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the projector process ended (exit ${code}) before it worked`)));
  });
}

async function stopProjector(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** milliseconds from each append's return until the projection's checkpoint passed it */
async function lagsOf(databaseUrl: string, signal: boolean, appends: number): Promise<number[]> {
  const projection = `lag_${signal ? 'signal' : 'poll'}_${randomUUID().slice(0, 8)}`;
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const store = new PostgresEventStore(pool, signal ? { appendSignal: new PostgresAppendSignal(pool) } : {});
  const child = await startProjector(databaseUrl, projection, signal);
  try {
    const checkpoint = async () => Number((await pool.query(`SELECT position FROM projection_checkpoints WHERE name = $1`, [projection])).rows[0]?.position ?? 0);
    const lags: number[] = [];
    for (let i = 0; i < appends; i++) {
      const id = randomUUID();
      const { lastPosition } = await store.append(`entrepreneur-${id}`, [monitoredEvent(id, 1)], { expectedVersion: 'no_stream' });
      const appendedAt = performance.now();
      while ((await checkpoint()) < lastPosition) await new Promise((r) => setTimeout(r, 2));
      lags.push(performance.now() - appendedAt);
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 40));
    }
    return lags;
  } finally {
    await stopProjector(child);
    await store.close();
    await pool.end();
  }
}

export async function runCrossProcessLagBench(opts: CrossProcessLagOptions = {}): Promise<ResultRow[]> {
  const appends = opts.appends ?? 100;
  const log = opts.log ?? (() => undefined);
  const db = await startBenchDatabase(false);
  try {
    await runMigrations(db.url, [...eventStoreMigrations, ...projectionsMigrations]);
    const lags = { poll: [] as number[], signal: [] as number[] };
    for (const signal of [false, true, false, true]) (signal ? lags.signal : lags.poll).push(...(await lagsOf(db.url, signal, appends)));
    const row = (p: number): ResultRow => ({
      section: SECTION,
      name: `projector in its own process, LISTEN/NOTIFY: p${p}`,
      value: Math.round(percentile(lags.signal, p) * 10) / 10,
      unit: 'ms',
      baselineName: 'its poll (100 ms)',
      baseline: Math.round(percentile(lags.poll, p) * 10) / 10,
      note: p === 50 ? `${lags.signal.length} single-event appends per side, 30-70 ms apart, from another process` : undefined,
    });
    const rows = [row(50), row(90), row(99)];
    for (const r of rows) log(`  ${r.name}: ${r.value} ms (poll ${r.baseline} ms)`);
    return rows;
  } finally {
    await db.stop();
  }
}

if (require.main === module) {
  runCrossProcessLagBench({ log: (l) => process.stdout.write(`${l}\n`) })
    .then((rows) => process.stdout.write(`\n${renderTable(rows)}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
