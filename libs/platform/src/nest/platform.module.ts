import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { EventStore, GROUP_COMMIT_LIMITS, KurrentDbEventStore, PostgresAppendSignal, PostgresEventStore, UpcasterRegistry } from '@jejak/event-store';
import { Pool } from 'pg';
import { createPool } from '../pg-pool';
import type { JejakConfig } from '../config';
import { AuditAnchorSchedule, auditAnchorsProvider } from './audit-anchors';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';
import { loggingModule } from './logging';
import { MetricsController } from './metrics.controller';
import { ProcessMetricsRegistry } from './process-metrics';
import { APPEND_SIGNAL, AUDIT_ANCHORS, EVENT_STORE, JEJAK_CONFIG, METRICS_REGISTRY, PG_POOL } from './tokens';

export interface PlatformOptions {
  config: JejakConfig;
  /** the resolved database: DATABASE_URL or the embedded PostgreSQL */
  databaseUrl: string;
  poolSize?: number;
  upcasters?: UpcasterRegistry;
  /** seal audit anchors every JEJAK_AUDIT_ANCHOR_INTERVAL: the processes that run projections do (ADR 0009) */
  sealAuditAnchors?: boolean;
}

function logOnKurrentDb(config: JejakConfig): boolean {
  return config.eventStore === 'kurrentdb' && Boolean(config.kurrentDbUrl);
}

/**
 * Appends heard across processes: a projector, relay or feed in another process reads a write at
 * once instead of at its next poll (ADR 0011). A failure only costs that wait, so it is a warning.
 */
function appendSignal(pool: Pool): PostgresAppendSignal {
  const log = new Logger('AppendSignal');
  return new PostgresAppendSignal(pool, {
    onError: (what, err) =>
      log.warn(
        what === 'notify'
          ? `could not tell other processes of appends (${err.message}); they find them at their next poll`
          : `not listening for other processes' appends (${err.message}); trying again, polling meanwhile`,
      ),
  });
}

/**
 * The technical ground every app stands on: configuration, the PostgreSQL pool, the event
 * store and its audit anchors, health checks and the Prometheus registry. Global, so libs inject the tokens directly.
 */
@Global()
@Module({})
export class PlatformModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthService,
    @Inject(METRICS_REGISTRY) private readonly metrics: ProcessMetricsRegistry,
    @Inject(APPEND_SIGNAL) private readonly appendSignal: PostgresAppendSignal | null,
  ) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [loggingModule(options.config.logLevel)],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: JEJAK_CONFIG, useValue: options.config },
        { provide: PG_POOL, useFactory: () => createPool(options.databaseUrl, options.poolSize ?? 20) },
        {
          provide: APPEND_SIGNAL,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => (logOnKurrentDb(options.config) || !options.config.appendSignal ? null : appendSignal(pool)),
        },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL, APPEND_SIGNAL],
          // JEJAK_EVENT_STORE=kurrentdb moves the event log to KurrentDB (ADR 0006); read models stay in PostgreSQL.
          useFactory: (pool: Pool, signal: PostgresAppendSignal | null) =>
            logOnKurrentDb(options.config)
              ? KurrentDbEventStore.connect(options.config.kurrentDbUrl!, { upcasters: options.upcasters })
              : new PostgresEventStore(pool, {
                  upcasters: options.upcasters,
                  appendSignal: signal ?? undefined,
                  groupCommit: options.config.appendGroupCommit ? GROUP_COMMIT_LIMITS : false,
                }),
        },
        { provide: METRICS_REGISTRY, useFactory: () => new ProcessMetricsRegistry('jejak_') },
        HealthService,
        auditAnchorsProvider(options.config),
        ...(options.sealAuditAnchors ? [AuditAnchorSchedule] : []),
      ],
      exports: [JEJAK_CONFIG, PG_POOL, EVENT_STORE, APPEND_SIGNAL, AUDIT_ANCHORS, METRICS_REGISTRY, HealthService],
    };
  }

  onModuleInit(): void {
    // the process can serve nothing without these: /health/ready checks them too
    const readiness = { readiness: true };
    this.health.register('database', async () => {
      const started = Date.now();
      await this.pool.query('SELECT 1');
      return { status: 'up', details: { latencyMs: Date.now() - started } };
    }, readiness);
    // never down: without it, readers in other processes find writes at their next poll (ADR 0011)
    const signal = this.appendSignal;
    if (signal) this.health.register('appendSignal', () => ({ status: 'up', details: { ...signal.status() } }));
    if (this.store instanceof KurrentDbEventStore)
      this.health.register('kurrentdb', async () => {
        const started = Date.now();
        const headPosition = await this.store.headPosition();
        return { status: 'up', details: { latencyMs: Date.now() - started, headPosition } };
      }, readiness);
  }

  async onApplicationShutdown(): Promise<void> {
    this.metrics.stop();
    await this.store.close();
    await this.pool.end();
  }
}
