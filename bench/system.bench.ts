/**
 * The whole product under load: demo journeys seeded into a fresh embedded PostgreSQL, the
 * all-in-one app (apps/jejak) started on it as a child process, its projections caught up, then
 * queries, HTTP commands and projection lag measured against it, and its peak memory read from
 * /proc at the end. Used by `npm run bench` (bench/run-all.ts).
 */
import type { Pool } from 'pg';
import { seedDemo } from '@jejak/demo';
import { IdnAreaRegionDirectory } from '@jejak/journey/infrastructure/regions';
import { withRuntime, type ToolRuntime } from '../tools/tool-runtime';
import { freshSecrets, startBenchDatabase } from './bench-kit';
import type { ResultRow } from './bench-table';
import { cpuMeter } from './cpu-meter';
import { runHttpBench } from './http.bench';
import { startJejakServer } from './jejak-server';
import { runLagBench } from './lag.bench';
import { runQueriesBench } from './queries.bench';
import { profileCase, profileTable, resetProfile } from './profile';
import { registrationBodies } from './registration-bodies';

export interface SystemBenchOptions {
  entrepreneurs?: number;
  httpSeconds?: number;
  connections?: readonly number[];
  querySamples?: number;
  lagRate?: number;
  lagSeconds?: number;
  /** write a CPU profile of the server (node --cpu-prof) into this directory */
  cpuProfileDir?: string;
  /** pg_stat_statements: print the statements that took the most time in each phase */
  statements?: boolean;
  log?: (line: string) => void;
}

const BEKASI = '32.16';

const sizeLabel = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}k entrepreneurs` : `${n} entrepreneurs`);

async function headPosition(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ p: string | null }>(`SELECT max(global_position) AS p FROM events`);
  return Number(rows[0].p ?? 0);
}

/** Until every projection has passed the head of the log; returns the seconds it took. */
async function awaitProjections(pool: Pool, timeoutSeconds: number, log: (l: string) => void): Promise<number> {
  const started = Date.now();
  const head = await headPosition(pool);
  const { rows: first } = await pool.query<{ p: string | null }>(`SELECT min(global_position) AS p FROM events`);
  const from = Number(first[0].p ?? 0);
  let lastLog = started;
  for (;;) {
    const { rows } = await pool.query<{ p: string | null; n: string }>(`SELECT min(position) AS p, count(*) AS n FROM projection_checkpoints`);
    const position = Number(rows[0].p ?? 0);
    if (Number(rows[0].n) > 0 && position >= head) return (Date.now() - started) / 1000;
    if (Date.now() - started > timeoutSeconds * 1000) throw new Error(`the projections did not reach position ${head} within ${timeoutSeconds} s (at ${position})`);
    if (Date.now() - lastLog > 10_000) {
      // positions are not counts (they carry the transaction id), so progress is a share of the range
      log(`  projections at ${Math.max(0, Math.round((100 * (position - from)) / Math.max(1, head - from)))}% of the log`);
      lastLog = Date.now();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs one phase; with `statements`, logs the SQL that took the most database time in it. */
async function phase<T>(pool: Pool, statements: boolean, name: string, log: (l: string) => void, work: () => Promise<T>): Promise<T> {
  if (statements) await resetProfile(pool);
  const result = await work();
  if (statements) {
    log(`  pg_stat_statements, ${name}:\n${profileTable(await profileCase(pool))}`);
  }
  return result;
}

export async function runSystemBench(o: SystemBenchOptions = {}): Promise<ResultRow[]> {
  const log = o.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const db = await startBenchDatabase(o.statements ?? false);
  try {
    // the server's own master key, so what the bench seals the server can open
    const sources = freshSecrets();
    return await withRuntime(db.url, sources, (rt) => measureSystem(rt, db.url, sources.masterKey, o, log));
  } finally {
    await db.stop();
  }
}

async function measureSystem(rt: ToolRuntime, databaseUrl: string, masterKey: string, o: SystemBenchOptions, log: (l: string) => void): Promise<ResultRow[]> {
  const { pool } = rt;
  const entrepreneurs = o.entrepreneurs ?? 100_000;
  const size = sizeLabel(entrepreneurs);
  const rows: ResultRow[] = [];
  let server: Awaited<ReturnType<typeof startJejakServer>> | undefined;
  try {
    const regions = await IdnAreaRegionDirectory.load();
    const kecamatanCodes = regions.childrenOf(BEKASI).map((r) => r.code);
    log(`seeding ${size}...`);
    let nextLog = 0;
    const seeded = await seedDemo({
      store: rt.store,
      vault: rt.vault,
      nikHasher: rt.nikHasher,
      regions,
      entrepreneurs,
      seed: 20_261_101,
      onProgress: (p) => {
        if (p.entrepreneurs >= nextLog) {
          log(`  ${p.entrepreneurs} entrepreneurs, ${p.events} events`);
          nextLog += Math.max(1, Math.round(entrepreneurs / 10));
        }
      },
    });
    const asOf = new Date().toISOString();
    log(`  seeded ${seeded.events} events in ${seeded.seconds.toFixed(1)} s (${Math.round(seeded.events / seeded.seconds)} events/s)`);

    const app = await startJejakServer({ databaseUrl, masterKey, cpuProfileDir: o.cpuProfileDir, log });
    server = app;
    const startupRssMb = server.rssMb();
    log(`server pid ${server.pid} on ${server.url}; catching up ${seeded.events} events...`);
    const catchUp = await awaitProjections(pool, 1800, log);
    log(`  projections caught up in ${catchUp.toFixed(1)} s (${Math.round(seeded.events / catchUp)} events/s)`);
    rows.push({
      section: 'projections',
      name: `live catch-up after start (${Math.round(seeded.events / 1000)}k events)`,
      value: seeded.events / catchUp,
      unit: 'events/s',
      baselineName: 'seed append rate',
      baseline: seeded.events / seeded.seconds,
      note: `the app's projector from position 0 at start-up, while it also serves /health; seeded in ${seeded.seconds.toFixed(0)} s`,
    });
    await pool.query('ANALYZE');

    const { rows: sample } = await pool.query<{ id: string }>(`SELECT entrepreneur_id AS id FROM caseload WHERE NOT erased ORDER BY random() LIMIT 2000`);
    log(`queries at ${size}...`);
    const profiled = o.statements ?? false;
    rows.push(
      ...(await phase(pool, profiled, 'queries', log, () =>
        runQueriesBench({ server: app, pool, entrepreneurIds: sample.map((r) => r.id), kecamatanCodes, asOf, size, samples: o.querySamples, log }),
      )),
    );

    const cpu = await cpuMeter(pool, app.pid);
    const nextBody = registrationBodies(kecamatanCodes);
    log('HTTP commands (autocannon)...');
    rows.push(...(await phase(pool, profiled, 'HTTP commands', log, () => runHttpBench({ server: app, nextBody, cpu, connections: o.connections, seconds: o.httpSeconds, log }))));

    await awaitProjections(pool, 600, log);
    log(`projection lag at ${o.lagRate ?? 200} commands/s...`);
    rows.push(...(await phase(pool, profiled, 'lag', log, () => runLagBench({ server: app, pool, nextBody, cpu, rate: o.lagRate, seconds: o.lagSeconds, log }))));

    const peak = server.peakRssMb();
    log(`server peak RSS (VmHWM) ${peak.toFixed(0)} MB; RSS after start-up ${startupRssMb.toFixed(0)} MB`);
    rows.push({
      section: 'memory',
      name: 'server peak RSS (VmHWM), whole run',
      value: peak,
      unit: 'MB',
      baselineName: 'RSS after start-up',
      baseline: startupRssMb,
      target: { on: 'value', op: '<', bound: 512 },
      note: 'includes the live catch-up of the seeded log, the autocannon runs and the lag run',
    });
    return rows;
  } finally {
    await server?.stop();
  }
}
