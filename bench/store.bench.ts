/**
 * `npm run bench:store`: the PostgreSQL event store beside a raw-SQL baseline doing the same work
 * (bench/raw-sql-baseline.ts), in one run on one embedded PostgreSQL. Store and baseline runs
 * alternate (S B, B S, ...) so drift (autovacuum, checkpoints, cache) hits both alike.
 * Options: --seconds=3 per timed run, --rounds=3 per side, --profile (pg_stat_statements report).
 * Results: a table on stdout and bench/results/store.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { eventStoreMigrations, PostgresEventStore } from '@jejak/event-store';
import { runMigrations } from '@jejak/platform';
import { monitoredEvent, rate, readLog, runFor, startBenchDatabase, table, timeOnce, type Timed } from './bench-kit';
import type { ResultRow } from './bench-table';
import { RawSqlBaseline } from './raw-sql-baseline';
import { profileCase, profileTable, resetProfile, type StatementProfile } from './profile';

export interface StoreBenchOptions {
  /** length of one timed run */
  seconds?: number;
  /** timed runs per side per case */
  rounds?: number;
  /** report pg_stat_statements per case */
  profile?: boolean;
  /** progress lines; silent when absent */
  log?: (line: string) => void;
}

const STREAMS_PER_WRITER = 20;
const READ_BATCH = 1000;
const SEED_APPENDS = 200;

interface Side {
  /** appends `n` events to the writer's next stream, returns n */
  append(writer: number, n: number): Promise<number>;
  /** reads the first `total` events of the global order in batches, returns how many it read */
  readAll(total: number): Promise<number>;
}

interface CaseResult {
  case: string;
  writers: number;
  eventsPerAppend: number | null;
  /** the ratio to reach; null for a figure shown for comparison only */
  target: number | null;
  note?: string;
  store: { eventsPerSecond: number; runs: Timed[] };
  baseline: { eventsPerSecond: number; runs: Timed[] };
  ratio: number;
  pass: boolean;
  profile?: StatementProfile[];
}

/** Each writer owns its streams and tracks their versions: appends never conflict. */
function writerStreams(write: (stream: string, n: number, expected: number) => Promise<unknown>) {
  const streams = Array.from({ length: 8 }, () => Array.from({ length: STREAMS_PER_WRITER }, () => ({ id: randomUUID(), version: 0 })));
  const next = new Array<number>(8).fill(0);
  return async (writer: number, n: number) => {
    const s = streams[writer][next[writer]++ % STREAMS_PER_WRITER];
    await write(s.id, n, s.version);
    s.version += n;
    return n;
  };
}

function batchOf(entrepreneurId: string, n: number, from: number) {
  return Array.from({ length: n }, (_, i) => monitoredEvent(entrepreneurId, from + i));
}

function storeSide(store: PostgresEventStore): Side {
  return {
    append: writerStreams((id, n, expected) =>
      store.append(`entrepreneur-${id}`, batchOf(id, n, expected), { expectedVersion: expected === 0 ? 'no_stream' : expected }),
    ),
    readAll: (total) => readLog(store, READ_BATCH, total),
  };
}

function baselineSide(baseline: RawSqlBaseline): Side {
  return {
    append: writerStreams((id, n, expected) => baseline.append(`entrepreneur-${id}`, batchOf(id, n, expected), expected)),
    async readAll(total) {
      let read = 0;
      for (let after = 0; read < total; ) {
        const rows = await baseline.readAll(after, Math.min(READ_BATCH, total - read));
        if (rows.length === 0) break;
        read += rows.length;
        after = Number(rows[rows.length - 1].global_position);
      }
      return read;
    },
  };
}

interface MeasureContext {
  pool: Pool;
  rounds: number;
  profile: boolean;
  log: (line: string) => void;
}

async function measure(
  ctx: MeasureContext,
  spec: Omit<CaseResult, 'store' | 'baseline' | 'ratio' | 'pass'>,
  run: (side: Side) => Promise<Timed>,
  sides: { store: Side; baseline: Side },
): Promise<CaseResult> {
  const { pool, rounds, profile, log } = ctx;
  await pool.query('VACUUM ANALYZE events, baseline_events');
  await run(sides.store); // warm-up, not counted
  await run(sides.baseline);
  if (profile) await resetProfile(pool);
  const runs = { store: [] as Timed[], baseline: [] as Timed[] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (['store', 'baseline'] as const) : (['baseline', 'store'] as const);
    for (const side of order) runs[side].push(await run(sides[side]));
  }
  const store = rate(runs.store);
  const baseline = rate(runs.baseline);
  const ratio = store / baseline;
  log(`  ${spec.case}: store ${Math.round(store)} ev/s, baseline ${Math.round(baseline)} ev/s`);
  return {
    ...spec,
    store: { eventsPerSecond: store, runs: runs.store },
    baseline: { eventsPerSecond: baseline, runs: runs.baseline },
    ratio,
    pass: spec.target === null || ratio >= spec.target,
    profile: profile ? await profileCase(pool) : undefined,
  };
}

/** Runs every case on a fresh embedded PostgreSQL and returns the detailed results. */
export async function runStoreCases(opts: StoreBenchOptions = {}): Promise<{ results: CaseResult[]; environment: Record<string, unknown> }> {
  const seconds = opts.seconds ?? 3;
  const log = opts.log ?? (() => undefined);
  log(`Jejak event store benchmark: ${seconds}s x ${opts.rounds ?? 3} rounds per side per case${opts.profile ? ', profiling' : ''}`);
  const db = await startBenchDatabase(opts.profile ?? false);
  const pool = new Pool({ connectionString: db.url, max: 10 });
  // pool.end() resolves before its connections have closed, and stopping the database then ends
  // them from the server side: an idle client reports that as an error, which would end the run
  // before its results are written
  pool.on('error', () => undefined);
  const ctx: MeasureContext = { pool, rounds: opts.rounds ?? 3, profile: opts.profile ?? false, log };
  try {
    await runMigrations(db.url, eventStoreMigrations);
    const baseline = new RawSqlBaseline(pool);
    await baseline.createTable();
    const store = new PostgresEventStore(pool);
    const sides = { store: storeSide(store), baseline: baselineSide(baseline) };
    // the store as it was before group commit (ADR 0012): every append in a transaction of its own
    const alone = new PostgresEventStore(pool, { groupCommit: false });
    const { rows: info } = await pool.query(
      `SELECT version() AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('shared_buffers') AS shared_buffers`,
    );
    // A log is never empty in steady state: both tables start with the same history, so the plans
    // PostgreSQL caches (plpgsql keeps generic plans per session) are made on realistic statistics.
    // Starting from empty tables measures a cold-start artefact: a seq-scan plan cached while the
    // table was empty, kept until the next ANALYZE (autovacuum does it within a minute in production).
    for (const side of [sides.store, sides.baseline]) for (let i = 0; i < SEED_APPENDS; i++) await side.append(i % 8, 100);
    log(`  seeded both logs with ${SEED_APPENDS * 100} events`);
    const appendCase = (name: string, writers: number, n: number, target: number | null, against = sides, note?: string) =>
      measure(ctx, { case: name, writers, eventsPerAppend: n, target, note }, (side) => runFor(seconds, writers, (w) => side.append(w, n)), against);

    const results: CaseResult[] = [];
    results.push(await appendCase('append 1 event, 1 writer', 1, 1, 0.85));
    results.push(await appendCase('append 1 event, 8 writers', 8, 1, 0.85, sides, 'appends made meanwhile share the next transaction (group commit, ADR 0012)'));
    results.push(
      await appendCase('append 1 event, 8 writers, a transaction each', 8, 1, null, { ...sides, store: storeSide(alone) }, 'JEJAK_APPEND_GROUP_COMMIT=off, for comparison: no target'),
    );
    results.push(await appendCase('append 100 events, 1 writer', 1, 100, 0.8));
    const { rows: counts } = await pool.query(`SELECT (SELECT count(*) FROM events) AS s, (SELECT count(*) FROM baseline_events) AS b`);
    const logSize = Math.min(Number(counts[0].s), Number(counts[0].b));
    results.push(
      await measure(ctx, { case: `read all (${logSize} events, batches of ${READ_BATCH})`, writers: 1, eventsPerAppend: null, target: 0.8 }, (side) =>
        timeOnce(() => side.readAll(logSize)), sides),
    );
    await store.close();
    await alone.close();
    return { results, environment: { ...info[0], cpus: cpus().length, node: process.version, payloadBytes: payloadBytes() } };
  } finally {
    await pool.end();
    await db.stop();
  }
}

/** For `npm run bench` (bench/run-all.ts): one row per case, events per second beside the baseline. */
export async function runStoreBench(opts: StoreBenchOptions = {}): Promise<ResultRow[]> {
  const { results } = await runStoreCases(opts);
  return results.map(toRow);
}

/** The targets of the store are ratios to its raw-SQL baseline. */
function toRow(r: CaseResult): ResultRow {
  return {
    section: 'event store',
    name: r.case,
    value: Math.round(r.store.eventsPerSecond),
    unit: 'events/s',
    baselineName: 'raw SQL',
    baseline: Math.round(r.baseline.eventsPerSecond),
    target: r.target === null ? undefined : { on: 'ratio', op: '>=', bound: r.target },
    note: r.note,
  };
}

function payloadBytes() {
  const e = monitoredEvent(randomUUID(), 1);
  return { data: JSON.stringify(e.data).length, metadata: JSON.stringify(e.metadata).length };
}

function report(results: CaseResult[], environment: Record<string, unknown>, opts: StoreBenchOptions): void {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`\n${environment.version}\nfsync=${environment.fsync} synchronous_commit=${environment.synchronous_commit} shared_buffers=${environment.shared_buffers}, ${environment.cpus} CPUs, Node ${environment.node}\n`);
  console.log(
    table(
      ['case', 'store ev/s', 'baseline ev/s', 'ratio', 'target', 'result'],
      results.map((r) => [
        r.case,
        fmt(r.store.eventsPerSecond),
        fmt(r.baseline.eventsPerSecond),
        r.ratio.toFixed(2),
        r.target === null ? '—' : `>= ${r.target.toFixed(2)}`,
        r.target === null ? '' : r.pass ? 'PASS' : 'MISS',
      ]),
    ),
  );
  for (const r of results.filter((x) => x.profile)) {
    console.log(`\nprofile: ${r.case} (timed rounds only)`);
    console.log(profileTable(r.profile!));
  }
  // compiled to dist/bench/: the results belong beside the sources, in bench/results/
  const dir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'store.json');
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), secondsPerRun: opts.seconds ?? 3, rounds: opts.rounds ?? 3, environment, rows: results.map(toRow), results }, null, 2));
  console.log(`\nresults written to ${file}`);
}

async function main(): Promise<void> {
  const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const opts: StoreBenchOptions = {
    seconds: Number(arg('seconds', '3')),
    rounds: Number(arg('rounds', '3')),
    profile: process.argv.includes('--profile'),
    log: (line) => console.log(line),
  };
  const { results, environment } = await runStoreCases(opts);
  report(results, environment, opts);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
