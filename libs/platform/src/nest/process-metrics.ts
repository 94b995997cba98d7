import perfHooks, { type IntervalHistogram, type PerformanceObserverCallback } from 'node:perf_hooks';
import { collectDefaultMetrics, Registry } from 'prom-client';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * An app's Prometheus registry, holding prom-client's default process metrics (`jejak_process_*`,
 * `jejak_nodejs_*`, listed in the runbook) until stop().
 *
 * collectDefaultMetrics has no stop of its own (prometheus/client_js#494, #500): it enables an
 * event-loop-delay histogram and connects a GC PerformanceObserver for the life of the process. The
 * observer's callback keeps every app that ever started in the process in memory: in a jest worker,
 * each test file's whole module graph, until the heap is so large that the worker outlasts jest's
 * grace period at exit ("A worker process has failed to exit gracefully").
 */
export class ProcessMetricsRegistry extends Registry {
  private readonly histograms: IntervalHistogram[] = [];
  private readonly observers: perfHooks.PerformanceObserver[] = [];

  constructor(prefix: string) {
    super();
    // prom-client looks both up on the perf_hooks module as it starts them: for that one call they
    // are ones that remember what they started. Synchronous, so nothing else sees them.
    const hooks = perfHooks as Writable<typeof perfHooks>;
    const { monitorEventLoopDelay, PerformanceObserver } = hooks;
    const histograms = this.histograms;
    const observers = this.observers;
    hooks.monitorEventLoopDelay = (options) => {
      const histogram = monitorEventLoopDelay(options);
      histograms.push(histogram);
      return histogram;
    };
    hooks.PerformanceObserver = class extends PerformanceObserver {
      constructor(callback: PerformanceObserverCallback) {
        super(callback);
        observers.push(this);
      }
    };
    try {
      collectDefaultMetrics({ register: this, prefix });
    } finally {
      hooks.monitorEventLoopDelay = monitorEventLoopDelay;
      hooks.PerformanceObserver = PerformanceObserver;
    }
  }

  /** The metrics stay readable; the event-loop and GC figures stop changing. */
  stop(): void {
    for (const histogram of this.histograms) histogram.disable();
    for (const observer of this.observers) observer.disconnect();
  }
}
