import perfHooks from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createTestDatabase } from '@jejak/testing';
import { loadConfig } from '../config';
import { PlatformModule } from './platform.module';
import { ProcessMetricsRegistry } from './process-metrics';
import { METRICS_REGISTRY } from './tokens';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** busy for `ms` by the monotonic clock: a step of the wall clock (NTP on a VM) must not cut the block short */
function blockEventLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/** enough short-lived garbage to make V8 collect the young generation several times */
function makeGarbage(): void {
  let keep = 0;
  for (let i = 0; i < 200_000; i++) keep += new Array(100).fill(i).length;
  expect(keep).toBeGreaterThan(0);
}

/** read as a scrape reads it: the event-loop figures are all set by one metric's collect */
async function valueOf(registry: ProcessMetricsRegistry, metric: string, series: string): Promise<number> {
  const { values } = (await registry.getMetricsAsJSON()).find((m) => m.name === metric)!;
  return (values as { value: number; metricName?: string }[]).filter((v) => (v.metricName ?? metric) === series).reduce((sum, v) => sum + v.value, 0);
}

const gcCount = (r: ProcessMetricsRegistry) => valueOf(r, 'jejak_nodejs_gc_duration_seconds', 'jejak_nodejs_gc_duration_seconds_count');

/**
 * The longest event-loop delay the registry reports across an 80 ms block, scraped every 20 ms for
 * up to a second after it (a scrape starts a new maximum). Node's histogram records a delay only
 * from the second tick of its timer after enable() or a reset() (each scrape resets it), so the
 * block waits 100 ms first: under load a 30 ms wait sometimes saw no tick, and the block was lost.
 */
async function maxLagAcrossABlock(r: ProcessMetricsRegistry): Promise<number> {
  const scrape = () => valueOf(r, 'jejak_nodejs_eventloop_lag_max_seconds', 'jejak_nodejs_eventloop_lag_max_seconds');
  await settle(100);
  blockEventLoop(80);
  let max = 0;
  for (const until = performance.now() + 1000; max < 0.08 && performance.now() < until; ) {
    await settle(20);
    max = Math.max(max, await scrape());
  }
  return max;
}

/** how many collections the registry counts while the young generation is collected several times */
async function gcsCountedAcrossGarbage(r: ProcessMetricsRegistry): Promise<number> {
  const before = await gcCount(r);
  makeGarbage();
  await settle(50);
  return (await gcCount(r)) - before;
}

describe("the process metrics of an app's Prometheus registry", () => {
  const registries: ProcessMetricsRegistry[] = [];
  const registry = () => {
    const r = new ProcessMetricsRegistry('jejak_');
    registries.push(r);
    return r;
  };
  afterAll(() => registries.forEach((r) => r.stop()));

  it("are prom-client's default metrics under the jejak_ prefix, and leave perf_hooks as they found it", async () => {
    const { monitorEventLoopDelay, PerformanceObserver } = perfHooks;
    const text = await registry().metrics();
    for (const name of ['jejak_process_cpu_user_seconds_total', 'jejak_process_resident_memory_bytes', 'jejak_nodejs_eventloop_lag_seconds', 'jejak_nodejs_heap_size_used_bytes', 'jejak_nodejs_gc_duration_seconds'])
      expect(text).toContain(`# TYPE ${name} `);
    expect(perfHooks.monitorEventLoopDelay).toBe(monitorEventLoopDelay);
    expect(perfHooks.PerformanceObserver).toBe(PerformanceObserver);
  });

  describe('while running', () => {
    it('measure a blocked event loop', async () => {
      expect(await maxLagAcrossABlock(registry())).toBeGreaterThanOrEqual(0.05);
    });

    it('observe garbage collections', async () => {
      expect(await gcsCountedAcrossGarbage(registry())).toBeGreaterThan(0);
    });
  });

  describe('after stop(), as the app shuts down (nothing of them keeps the process busy or the app in memory)', () => {
    it('no longer measure the event loop', async () => {
      const r = registry();
      r.stop();
      expect(await maxLagAcrossABlock(r)).toBe(0);
    });

    it('no longer observe garbage collections', async () => {
      const r = registry();
      r.stop();
      expect(await gcsCountedAcrossGarbage(r)).toBe(0);
    });
  });

  it('are stopped when an app on PlatformModule closes (real PostgreSQL)', async () => {
    const db = await createTestDatabase('process_metrics');
    try {
      @Module({ imports: [PlatformModule.forRoot({ config: loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: db.url, poolSize: 1 })] })
      class MetricsProcessModule {}
      const app = await NestFactory.create(MetricsProcessModule, { logger: false, abortOnError: false });
      await app.init();
      const r = app.get<ProcessMetricsRegistry>(METRICS_REGISTRY);
      await app.close();
      expect(await gcsCountedAcrossGarbage(r)).toBe(0);
    } finally {
      await db.drop();
    }
  });
});
