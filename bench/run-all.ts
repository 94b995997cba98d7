/**
 * `npm run bench`: every benchmark, one table. Each figure stands beside a baseline measured in the
 * same run (raw SQL, GET /health, raw read-all, ...), with the ratio and the target of issue 6.
 * Writes bench/results/latest.json and bench/results/latest.md.
 *
 * Flags: --quick (small sizes, a smoke run of a few minutes), --only=store,system,cross-process,projections,
 * --profile (the server child runs with --cpu-prof, profiles in bench/results/cpu-profiles/; the app's
 * database tracks pg_stat_statements and each phase prints its costliest statements).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown, renderTable, toJson, verdictOf, type ResultRow } from './bench-table';
import { runCrossProcessLagBench } from './cross-process-lag.bench';
import { runProjectionsBench } from './projections.bench';
import { runStoreBench } from './store.bench';
import { runSystemBench } from './system.bench';

const PARTS = ['store', 'system', 'cross-process', 'projections'] as const;
type Part = (typeof PARTS)[number];

interface Sizes {
  store: { seconds: number; rounds: number };
  system: { entrepreneurs: number; httpSeconds: number; querySamples: number; lagSeconds: number };
  /** appends per run of the cross-process lag (four runs) */
  crossProcess: number;
  projections: [number, number];
}

const FULL: Sizes = {
  store: { seconds: 3, rounds: 3 },
  system: { entrepreneurs: 100_000, httpSeconds: 10, querySamples: 400, lagSeconds: 20 },
  crossProcess: 100,
  projections: [200_000, 1_000_000],
};

const QUICK: Sizes = {
  store: { seconds: 1, rounds: 1 },
  system: { entrepreneurs: 3_000, httpSeconds: 3, querySamples: 100, lagSeconds: 5 },
  crossProcess: 30,
  projections: [20_000, 60_000],
};

function gitCommit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const profile = argv.includes('--profile');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? [...PARTS];
  for (const p of only) if (!PARTS.includes(p as Part)) throw new Error(`--only takes ${PARTS.join(',')}; got "${p}"`);
  const sizes = quick ? QUICK : FULL;
  const resultsDir = join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const started = Date.now();
  // the machine is shared: a busy one makes every figure slower, so the run records how busy it was
  const loadBefore = loadavg()[0].toFixed(1);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const rows: ResultRow[] = [];

  /** written after every part too, so a failure late in a long run keeps what was measured */
  const write = (finished: boolean) => {
    const context = {
      measuredAt: new Date().toISOString(),
      mode: quick ? 'quick (smoke sizes: not comparable with the targets)' : 'full',
      commit: gitCommit(),
      node: process.version,
      cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
      memory: `${Math.round(totalmem() / 2 ** 30)} GB`,
      minutes: ((Date.now() - started) / 60_000).toFixed(1),
      'load average (1 min) before / after': `${loadBefore} / ${loadavg()[0].toFixed(1)}`,
    };
    writeFileSync(join(resultsDir, 'latest.json'), toJson(rows, { ...context, complete: String(finished) }));
    writeFileSync(join(resultsDir, 'latest.md'), renderMarkdown(rows, context));
    return context;
  };

  if (only.includes('store')) {
    log('== event store vs raw SQL');
    rows.push(...(await runStoreBench({ ...sizes.store, log })));
    write(false);
  }
  if (only.includes('system')) {
    log('== the app under load (child process)');
    rows.push(...(await runSystemBench({ ...sizes.system, cpuProfileDir: profile ? join(resultsDir, 'cpu-profiles') : undefined, statements: profile, log })));
    write(false);
  }
  if (only.includes('cross-process')) {
    log('== projection lag, projector in its own process');
    rows.push(...(await runCrossProcessLagBench({ appends: sizes.crossProcess, log })));
    write(false);
  }
  if (only.includes('projections')) {
    log('== projection rebuild vs raw read-all');
    rows.push(...(await runProjectionsBench({ sizes: sizes.projections, log: (l) => log(`  ${l}`) })));
  }

  log(`\n${renderTable(rows)}\n`);
  const misses = rows.filter((r) => verdictOf(r) === 'miss');
  log(misses.length ? `${misses.length} target(s) missed: ${misses.map((m) => `${m.section} / ${m.name}`).join('; ')}` : 'all targets met');
  const context = write(true);
  log(`results: ${join(resultsDir, 'latest.json')} and latest.md (${context.minutes} min)`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
