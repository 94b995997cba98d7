import { DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { registerProblemMessages } from '@jejak/platform';
import { loadProjectionsConfig } from '../engine/projections.config';
import type { Projection } from '../projection';
import { ProjectionsAdminController } from './projections-admin.controller';
import { PROJECTIONS_PROBLEM_TEXTS } from './projections.problem-texts';
import { PROJECTIONS_OPTIONS, ProjectionsService, type ProjectionsModuleOptions } from './projections.service';

export interface ProjectionsModuleAsyncOptions extends Omit<ProjectionsModuleOptions, 'projections'> {
  imports?: ModuleMetadata['imports'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inject?: any[];
  /** e.g. inject: [JOURNEY_PROJECTIONS], useFactory: (journey) => journey */
  useFactory(...deps: never[]): Projection[] | Promise<Projection[]>;
}

/**
 * The projection engine in a Nest process. Needs PlatformModule (PG_POOL, EVENT_STORE,
 * METRICS_REGISTRY, HealthService); the admin routes need the auth guard (AuthModule), so a
 * process without it passes `adminApi: false`. Import it once per process.
 */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    return ProjectionsModule.forRootAsync({ ...options, useFactory: () => options.projections });
  }

  static forRootAsync(options: ProjectionsModuleAsyncOptions): DynamicModule {
    const { imports, inject, useFactory, ...rest } = options;
    registerProblemMessages(PROJECTIONS_PROBLEM_TEXTS);
    return {
      module: ProjectionsModule,
      global: true,
      imports: imports ?? [],
      controllers: options.adminApi === false ? [] : [ProjectionsAdminController],
      providers: [
        {
          provide: PROJECTIONS_OPTIONS,
          inject: inject ?? [],
          useFactory: async (...deps: never[]) => ({
            ...rest,
            projections: await useFactory(...deps),
            resolved: loadProjectionsConfig(rest.env ?? process.env, rest.config),
          }),
        },
        ProjectionsService,
      ],
      exports: [ProjectionsService],
    };
  }
}
