import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { seedDemo } from '@jejak/demo';
import { UniqueClaimViolationError, WrongExpectedVersionError } from '@jejak/event-store';
import { IdnAreaRegionDirectory } from '@jejak/journey/infrastructure/regions';
import { AlreadyRunningError, ConfigError } from '@jejak/platform';
import { withToolRuntime } from './tool-runtime';

const USAGE = 'usage: npm run seed -- --entrepreneurs N [--seed S] [--today YYYY-MM-DD]';

/** `npm run seed`: deterministic demo journeys into the configured database (embedded or DATABASE_URL). */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { entrepreneurs: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' } } });
  const entrepreneurs = Number(values.entrepreneurs);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(entrepreneurs) || entrepreneurs < 1 || !Number.isInteger(seed)) throw new ConfigError([USAGE]);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new ConfigError(['--today must be YYYY-MM-DD']);
  // Only the seed's own sessions commit without waiting for the WAL flush: a seed that crashes
  // mid-way is simply run again on a fresh database, so losing its last commits costs nothing,
  // and the server's durability for everyone else is unchanged.
  await withToolRuntime(async ({ store, vault, nikHasher }) => {
    const regions = await IdnAreaRegionDirectory.load();
    const bar = new SingleBar(
      {
        format: 'seed [{bar}] {percentage}% | {done}/{all} entrepreneurs | {events} events | {rate} events/s | {elapsed} elapsed, {left} left',
        fps: 2,
        // CI logs are not a terminal: print a line every 10 s there instead of redrawing
        noTTYOutput: true,
        notTTYSchedule: 10_000,
      },
      Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(entrepreneurs, 0, { done: 0, all: count(entrepreneurs), events: 0, rate: 0, elapsed: clock(0), left: '?' });
    const result = await seedDemo({
      store,
      vault,
      nikHasher,
      regions,
      entrepreneurs,
      seed,
      today: values.today,
      onProgress: (p) => {
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        // the time left from the average so far: steadier than the bar's own estimate over a long run
        const left = ((entrepreneurs - p.entrepreneurs) * seconds) / p.entrepreneurs;
        bar.update(p.entrepreneurs, { done: count(p.entrepreneurs), events: count(p.events), rate: count(p.events / seconds), elapsed: clock(seconds), left: clock(left) });
      },
    });
    bar.stop();
    process.stdout.write(
      `seeded ${count(result.entrepreneurs)} entrepreneurs and ${count(result.groups)} groups: ${count(result.events)} events ` +
        `(${(result.events / result.entrepreneurs).toFixed(2)} per entrepreneur) in ${duration(result.seconds)}, ` +
        `${count(result.events / result.seconds)} events/s, ${count(result.entrepreneurs / result.seconds)} entrepreneurs/s; ` +
        `last global position ${result.lastPosition}\n`,
    );
  }, '-c synchronous_commit=off');
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** m:ss, or h:mm:ss */
function clock(seconds: number): string {
  const s = Math.round(seconds);
  const [h, m, ss] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(ss).padStart(2, '0')}`;
}

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return m ? `${m} min ${(seconds - m * 60).toFixed(0)} s` : `${seconds.toFixed(1)} s`;
}

main().catch((e: unknown) => {
  if (e instanceof AlreadyRunningError) process.stderr.write(`${e.message}\nThe seed writes into the same database: stop Jejak first, or set DATABASE_URL.\n`);
  else if (e instanceof UniqueClaimViolationError || e instanceof WrongExpectedVersionError)
    process.stderr.write('These demo journeys are already in the database (the same --seed gives the same people and groups): pass another --seed to add more.\n');
  else if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`seed failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
