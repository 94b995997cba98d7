/**
 * `npm run bench:projections`: the full rebuild rate of the projections (events/s) beside the raw
 * read-all rate of the same log on the same embedded PostgreSQL, in one run, and the process's
 * peak RSS during the rebuild at two log sizes (it must stay flat: batches, not the log, live in memory).
 * The log is real demo journeys (libs/demo: the deciders, sealed personal fields). Each size is also
 * rebuilt by `npm run projections:rebuild -- all` in its own process, as deployed (rate and VmHWM).
 * On the larger log each projection is then rebuilt alone too: what each one costs, and so what bounds the rate of all.
 * Options: --small=200000 --large=1000000 (events). Results: a table on stdout and bench/results/projections.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { seedDemo } from '@jejak/demo';
import { configuredJourneyProjections } from '@jejak/journey/read-models';
import { IdnAreaRegionDirectory } from '@jejak/journey/infrastructure/regions';
import type { PersonalDataVault } from '@jejak/personal-data';
import { loadProjectionsConfig, ProjectionEngine, type Projection } from '@jejak/projections';
import { withRuntime, type ToolRuntime } from '../tools/tool-runtime';
import { cpuMeter, cpuPerOperation } from './cpu-meter';
import { freshSecrets, procStatusMb, rate, readLog, startBenchDatabase, timeOnce } from './bench-kit';
import { renderTable, type ResultRow } from './bench-table';

export interface ProjectionsBenchOptions {
  sizes?: [number, number];
  /** the projections to rebuild; default: the journey read models (a factory: they need the vault) */
  projections?: (vault: PersonalDataVault) => Projection[];
  log?: (line: string) => void;
}

const TARGET_EVENTS_PER_SECOND = 50_000;
const MEMORY_BOUND_MB = 512;

/** A rebuild rate beside the raw read-all rate of the same log. */
function throughput(name: string, eventsPerSecond: number, rawRate: number, note?: string): ResultRow {
  const target = { on: 'value', op: '>=', bound: TARGET_EVENTS_PER_SECOND } as const;
  return { section: 'projections', name, value: Math.round(eventsPerSecond), unit: 'events/s', baselineName: 'raw read-all', baseline: Math.round(rawRate), target, note };
}

/** Node's (this process's) and PostgreSQL's CPU per event, from milliseconds per operation */
const cpuPerEvent = (c: { bench: number; postgres: number }) => `CPU per event: Node ${(c.bench * 1000).toFixed(1)} µs, PostgreSQL ${(c.postgres * 1000).toFixed(1)} µs`;

/** A memory figure beside the same figure at the smaller log (null at the smaller log itself): it must stay flat. */
function memory(name: string, mb: number, smallerLogMb: number | null, note = 'the bench process itself (engine + seeding code), measured during engine.rebuild(all)'): ResultRow {
  const baseline = smallerLogMb === null ? null : Math.round(smallerLogMb);
  const target = { on: 'value', op: '<', bound: MEMORY_BOUND_MB } as const;
  return { section: 'memory', name, value: Math.round(mb), unit: 'MB', baselineName: baseline === null ? null : 'smaller log', baseline, target, note };
}

/** a full GC before measuring, so the seeding's garbage does not count as the rebuild's memory */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Samples RSS every 20 ms while `work` runs; returns its result, the peak and the RSS it started
 * from, in MB. The seeding runs in this process too and RSS never shrinks back after it (V8 and
 * malloc keep their pages), so the rebuild's own memory is the peak above the start.
 */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; startMb: number }> {
  collectGarbage();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20, startMb: start / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * `npm run projections:rebuild -- all` as an operator runs it: its own process on the same database
 * and master key. Its rate comes from the tool's own report; its peak RSS is the kernel's high-water
 * mark (VmHWM), read while it runs. This is the memory a rebuild needs, without the seeding code of
 * this bench process underneath it.
 */
async function rebuildInOwnProcess(databaseUrl: string, masterKey: string): Promise<{ eventsPerSecond: number; peakMb: number }> {
  // compiled to dist/bench/: the tool is dist/tools/projections-rebuild.js
  const tool = join(__dirname, '..', 'tools', 'projections-rebuild.js');
  const child = spawn(process.execPath, [tool, 'all'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JEJAK_MASTER_KEY: masterKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  let peakMb = 0;
  const sample = () => {
    try {
      // NaN once the process is a zombie: its status has no memory lines left
      const mb = procStatusMb(child.pid as number, 'VmHWM');
      if (Number.isFinite(mb)) peakMb = Math.max(peakMb, mb);
    } catch {
      // the process has just exited
    }
  };
  const timer = setInterval(sample, 25);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const m = /rebuilt .*: (\d+) events in ([\d.]+) s/.exec(out);
  if (code !== 0 || !m) throw new Error(`projections:rebuild failed (exit ${code}):\n${out}`);
  return { eventsPerSecond: Number(m[1]) / Number(m[2]), peakMb };
}

export async function runProjectionsBench(opts: ProjectionsBenchOptions = {}): Promise<ResultRow[]> {
  const [small, large] = opts.sizes ?? [200_000, 1_000_000];
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const db = await startBenchDatabase(false);
  const sources = freshSecrets();
  try {
    return await withRuntime(db.url, sources, (rt) => measureRebuilds(rt, db.url, sources.masterKey, [small, large], opts, log), { max: 8 });
  } finally {
    await db.stop();
  }
}

async function measureRebuilds(rt: ToolRuntime, databaseUrl: string, masterKey: string, sizes: number[], opts: ProjectionsBenchOptions, log: (l: string) => void): Promise<ResultRow[]> {
  const { pool, store, vault, nikHasher } = rt;
  const rows: ResultRow[] = [];
  const regions = await IdnAreaRegionDirectory.load();
  // the journey read models only: the engine's example stream counter is not part of the product
  const projections = (opts.projections ?? ((v) => configuredJourneyProjections(v)))(vault);
  const config = loadProjectionsConfig({});
  const engine = new ProjectionEngine({ pool, store, projections, config });
  await engine.setup();
  let events = 0;
  let seed = 1;
  let perPerson = 12;
  let addedSmall: number | null = null;
  let ownSmall: number | null = null;
  for (const size of sizes) {
    while (events < size) {
      const entrepreneurs = Math.max(100, Math.ceil((size - events) / perPerson));
      const r = await seedDemo({ store, vault, nikHasher, regions, entrepreneurs, seed: seed++ * 7919 });
      events += r.events;
      perPerson = r.events / r.entrepreneurs;
      log(`seeded ${r.events} events (${Math.round(r.events / r.seconds)} events/s), log now ${events}`);
    }
    const label = `${Math.round(events / 1000)}k events`;
    const rawRate = rate([await timeOnce(() => readLog(store, config.rebuildBatchSize))]);
    const cpu = await cpuMeter(pool, process.pid);
    const cpuBefore = cpu.snapshot();
    const { result, peakMb, startMb } = await withPeakRss(() => engine.rebuild('all'));
    const perEvent = cpuPerOperation(cpuBefore, cpu.snapshot(), result.eventsRead);
    const rebuildRate = result.eventsRead / result.seconds;
    // what bounds the rate: CPU per event of Node (this process) and PostgreSQL; 2 cores / their sum is the ceiling
    const cpuNote = `${cpuPerEvent(perEvent)}; ceiling on 2 cores ${Math.round(2e3 / (perEvent.bench + perEvent.postgres))} events/s`;
    // other work on the machine depresses both rates alike; the load average says how much there was
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    log(`${label}: rebuild ${Math.round(rebuildRate)} events/s, raw read-all ${Math.round(rawRate)} events/s, peak RSS ${peakMb.toFixed(0)} MB (${startMb.toFixed(0)} MB before it), load average ${load}`);
    log(`${label}: ${cpuNote}`);
    rows.push(throughput(`rebuild all projections (${label})`, rebuildRate, rawRate, cpuNote));
    const addedMb = peakMb - startMb;
    rows.push(memory(`peak RSS during rebuild (${label})`, peakMb, null));
    rows.push(memory(`RSS added by the rebuild (${label})`, addedMb, addedSmall));
    addedSmall ??= addedMb;
    const own = await rebuildInOwnProcess(databaseUrl, masterKey);
    log(`${label}: npm run projections:rebuild -- all in its own process: ${Math.round(own.eventsPerSecond)} events/s, peak RSS (VmHWM) ${own.peakMb.toFixed(0)} MB`);
    const note = 'npm run projections:rebuild -- all, in its own process as an operator runs it; peak RSS = VmHWM of that process';
    rows.push(throughput(`rebuild all projections, own process (${label})`, own.eventsPerSecond, rawRate, note));
    rows.push(memory(`peak RSS of the rebuild process (${label})`, own.peakMb, ownSmall, note));
    ownSmall ??= own.peakMb;
    if (size === sizes[sizes.length - 1]) rows.push(...(await eachAlone(engine, pool, label, rawRate, log)));
  }
  return rows;
}

/**
 * What bounds the rate of all of them: each projection rebuilt alone on the larger log, with its
 * CPU per event. Every one of them reads the whole log, so each rate is at most the raw read-all
 * rate, and all five together cost about the sum of their costs above the read.
 */
async function eachAlone(engine: ProjectionEngine, pool: ToolRuntime['pool'], label: string, rawRate: number, log: (l: string) => void): Promise<ResultRow[]> {
  const out: ResultRow[] = [];
  const cpu = await cpuMeter(pool, process.pid);
  for (const p of engine.projections) {
    const before = cpu.snapshot();
    const result = await engine.rebuild(p.name);
    const perEvent = cpuPerOperation(before, cpu.snapshot(), result.eventsRead);
    const note = cpuPerEvent(perEvent);
    const eventsPerSecond = result.eventsRead / result.seconds;
    log(`${label}: rebuild of ${p.name} alone ${Math.round(eventsPerSecond)} events/s; ${note}`);
    out.push({ section: 'projections', name: `rebuild ${p.name} alone (${label})`, value: Math.round(eventsPerSecond), unit: 'events/s', baselineName: 'raw read-all', baseline: rawRate, note });
  }
  return out;
}

if (require.main === module) {
  const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  runProjectionsBench({ sizes: [arg('small', 200_000), arg('large', 1_000_000)] })
    .then((rows) => {
      process.stdout.write(`\n${renderTable(rows)}\n`);
      mkdirSync(join(__dirname, '..', '..', 'bench', 'results'), { recursive: true });
      writeFileSync(join(__dirname, '..', '..', 'bench', 'results', 'projections.json'), JSON.stringify(rows, null, 2));
    })
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
