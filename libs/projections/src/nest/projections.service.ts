import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@jejak/event-store';
import { EVENT_STORE, HealthService, METRICS_REGISTRY, PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';
import type { Registry } from 'prom-client';
import { ProjectionEngine } from '../engine/projection-engine';
import { ProjectionMetrics } from '../engine/projection-metrics';
import type { ProjectionsConfig } from '../engine/projections.config';
import type { Projection, ProjectionLog } from '../projection';

const PROJECTIONS_LOGGER = new Logger('Projections');

export const PROJECTIONS_OPTIONS = Symbol('PROJECTIONS_OPTIONS');

export interface ProjectionsModuleOptions {
  projections: Projection[];
  /** false in processes that only query (another process runs the projector); default true */
  runProjector?: boolean;
  /** false in a process without the auth guard (AuthModule): the admin routes must never be open; default true */
  adminApi?: boolean;
  config?: Partial<ProjectionsConfig>;
  env?: NodeJS.ProcessEnv;
  log?: ProjectionLog;
}

/**
 * The projection engine for the process's lifetime: live tables ensured before the app serves,
 * leadership campaign (the leader projects), `/health` check `projections`, lag gauges on /metrics.
 */
@Injectable()
export class ProjectionsService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  readonly engine: ProjectionEngine;

  constructor(
    @Inject(PROJECTIONS_OPTIONS) private readonly options: ProjectionsModuleOptions & { resolved: ProjectionsConfig },
    @Inject(PG_POOL) pool: Pool,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly health: HealthService,
  ) {
    const metrics = new ProjectionMetrics(registry);
    this.engine = new ProjectionEngine({
      pool,
      store,
      projections: options.projections,
      config: options.resolved,
      metrics,
      // the structured log (nestjs-pino, context Projections) unless the module was given a log
      log: options.log ?? ((m, level) => (level === 'warn' ? PROJECTIONS_LOGGER.warn(m) : PROJECTIONS_LOGGER.log(m))),
    });
    this.engine.registerGauges(metrics);
  }

  async onModuleInit(): Promise<void> {
    await this.engine.setup();
  }

  onApplicationBootstrap(): void {
    this.health.register('projections', () => this.engine.health());
    if (this.options.runProjector !== false) this.engine.startLeadership();
  }

  async onApplicationShutdown(): Promise<void> {
    this.health.unregister('projections');
    await this.engine.stop();
  }
}
