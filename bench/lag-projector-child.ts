/**
 * A projector in a process of its own, for bench/cross-process-lag.bench.ts: the example stream
 * counter under the engine's default configuration (100 ms poll, 50 ms between woken batches).
 * Env: DATABASE_URL, PROJECTION (its name), SIGNAL (`1`: hears other processes' appends through
 * LISTEN/NOTIFY, as every app process does; `0`: finds them by its poll). Prints `leader` once it works.
 */
import { PostgresAppendSignal, PostgresEventStore } from '@jejak/event-store';
import { loadProjectionsConfig, ProjectionEngine, streamCounterProjection } from '@jejak/projections';
import { Pool } from 'pg';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 6 });
  const store = new PostgresEventStore(pool, process.env.SIGNAL === '1' ? { appendSignal: new PostgresAppendSignal(pool) } : {});
  const engine = new ProjectionEngine({
    pool,
    store,
    projections: [streamCounterProjection({ name: process.env.PROJECTION ?? 'lag' })],
    config: loadProjectionsConfig({}),
    log: (m) => m.startsWith('elected') && process.stdout.write('leader\n'),
  });
  await engine.setup();
  engine.startLeadership();
  process.once('SIGTERM', () => void engine.stop().then(() => store.close()).then(() => pool.end()).then(() => process.exit(0)));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
