/**
 * A projector process for the process-kill and leadership tests. Env: DATABASE_URL, PROJECTION
 * (table prefix), BATCH_SIZE, HANG_AT_BATCH (hang inside that batch's transaction, after writing,
 * so a kill lands mid-batch), SLOW_MS (per batch). Prints `leader`, `work <n>` and `mid-batch` lines.
 */
import { PostgresEventStore } from '@jejak/event-store';
import { Pool } from 'pg';
import { streamCounterProjection } from '../examples/stream-counter.projection';
import { ProjectionEngine } from '../engine/projection-engine';
import { testConfig } from './projection-testbed';

const env = (name: string, fallback = '') => process.env[name] ?? fallback;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 6 });
  const store = new PostgresEventStore(pool);
  const hangAt = Number(env('HANG_AT_BATCH', '0'));
  const slowMs = Number(env('SLOW_MS', '0'));
  let batches = 0;
  const projection = streamCounterProjection({
    name: env('PROJECTION', 'killed'),
    afterWrite: async () => {
      batches++;
      say(`work ${batches}`);
      if (batches === hangAt) {
        say('mid-batch');
        await new Promise(() => undefined);
      }
      if (slowMs) await new Promise((r) => setTimeout(r, slowMs));
    },
  });
  const engine = new ProjectionEngine({
    pool,
    store,
    projections: [projection],
    config: testConfig({ batchSize: Number(env('BATCH_SIZE', '500')), leaderRetryMs: 1000 }),
    log: (m) => say(m.startsWith('elected') ? 'leader' : `log ${m}`),
  });
  await engine.setup();
  engine.startLeadership();
  process.once('SIGTERM', () => void engine.stop().then(() => pool.end()).then(() => process.exit(0)));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
