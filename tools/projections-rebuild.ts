import { Presets, SingleBar } from 'cli-progress';
import { configuredJourneyProjections } from '@jejak/journey/read-models';
import { AlreadyRunningError, ConfigError } from '@jejak/platform';
import { loadProjectionsConfig, ProjectionEngine, RebuildInProgressError, UnknownProjectionError } from '@jejak/projections';
import { withToolRuntime } from './tool-runtime';

const USAGE = 'usage: npm run projections:rebuild -- <name|all>';

/**
 * `npm run projections:rebuild -- <name|all>`: rebuilds into fresh tables and swaps them in, while
 * the running app keeps serving and projecting. With the app on its embedded PostgreSQL, point
 * DATABASE_URL at it (postgres://jejak:jejak@127.0.0.1:54329/jejak, the URL the app itself uses)
 * or use the admin endpoint.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || name.startsWith('-')) throw new ConfigError([USAGE]);
  await withToolRuntime(async ({ pool, store, vault }) => {
    const engine = new ProjectionEngine({
      pool,
      store,
      projections: configuredJourneyProjections(vault),
      config: loadProjectionsConfig(),
    });
    await engine.setup();
    const bar = new SingleBar({ format: 'rebuild {names} [{bar}] {percentage}% | {value}/{total} events | {phase} | {rate} events/s' }, Presets.shades_classic);
    const started = Date.now();
    bar.start(1, 0, { names: name, phase: 'replay', rate: 0 });
    const result = await engine.rebuild(name, (p) => {
      bar.setTotal(Math.max(p.totalEvents, p.eventsRead, 1));
      bar.update(p.eventsRead, { phase: p.phase, rate: Math.round(p.eventsRead / Math.max(0.001, (Date.now() - started) / 1000)) });
    });
    bar.stop();
    process.stdout.write(
      `rebuilt ${result.projections.join(', ')}: ${result.eventsRead} events in ${result.seconds.toFixed(1)} s ` +
        `(${Math.round(result.eventsRead / result.seconds)} events/s), swapped in at position ${result.position}` +
        (result.deadLetters ? `; ${result.deadLetters} dead letters (GET /v1/admin/projections/dead-letters)` : '') +
        '\n',
    );
  });
}

main().catch((e: unknown) => {
  const known = e instanceof AlreadyRunningError || e instanceof ConfigError || e instanceof UnknownProjectionError || e instanceof RebuildInProgressError;
  process.stderr.write(known ? `${(e as Error).message}\n` : `rebuild failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
