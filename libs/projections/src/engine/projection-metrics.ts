import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * Counters of the work this process does. Lag and dead-letter gauges are read from the database
 * at scrape time (see ProjectionEngine.registerGauges), so any process reports them correctly,
 * whichever instance is the leader.
 */
export class ProjectionMetrics {
  readonly eventsProcessed: Counter<'projection'>;
  readonly eventsApplied: Counter<'projection'>;
  readonly batchSeconds: Histogram<'mode'>;
  readonly deadLettered: Counter<'projection'>;

  constructor(readonly registry: Registry) {
    this.eventsProcessed = new Counter({
      name: 'jejak_projection_events_processed_total',
      help: 'Events the projection checkpoint moved past (rate() gives events/s)',
      labelNames: ['projection'],
      registers: [registry],
    });
    this.eventsApplied = new Counter({
      name: 'jejak_projection_events_applied_total',
      help: 'Events handed to the projection (of the types it handles)',
      labelNames: ['projection'],
      registers: [registry],
    });
    this.deadLettered = new Counter({
      name: 'jejak_projection_dead_lettered_total',
      help: 'Events recorded as dead letters',
      labelNames: ['projection'],
      registers: [registry],
    });
    this.batchSeconds = new Histogram({
      name: 'jejak_projection_batch_seconds',
      help: 'Time to apply one batch and commit it with the checkpoints',
      labelNames: ['mode'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  /** gauges whose value is computed on scrape */
  gauge(name: string, help: string, collect: () => Promise<Array<{ projection: string; value: number }>>): void {
    new Gauge({
      name,
      help,
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { projection, value } of await collect()) this.set({ projection }, value);
      },
    });
  }
}
