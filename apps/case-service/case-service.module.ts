import { DynamicModule, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuthModule } from '@jejak/auth';
import { JourneyWriteModule } from '@jejak/journey/api';
import { JOURNEY_PROJECTIONS, JourneyReadModule } from '@jejak/journey/read-models';
import { ProjectionsModule, type Projection } from '@jejak/projections';
import { FeedModule } from '@jejak/relay';
import { configureHttp, HttpPlatformModule, PlatformModule, type Database, type JejakConfig } from '@jejak/platform';
import { serveWebUi } from '@jejak/web-ui';

export interface CaseServiceOptions {
  /** the all-in-one process projects (and seals audit anchors) in-process; a replica behind a load balancer leaves it to apps/projector */
  runProjector: boolean;
}

/**
 * The HTTP face of Jejak: commands, queries, audit, feed, admin, OpenAPI and the web UI.
 * Stateless, so replicas scale out behind a load balancer (design.md, "Scaling past one machine").
 */
@Module({})
export class CaseServiceModule {
  static forRoot(config: JejakConfig, db: Database, options: CaseServiceOptions): DynamicModule {
    return {
      module: CaseServiceModule,
      imports: [
        PlatformModule.forRoot({ config, databaseUrl: db.url, sealAuditAnchors: options.runProjector }),
        HttpPlatformModule,
        AuthModule.forRoot({ dataDir: config.dataDir, env: config.env }),
        JourneyWriteModule,
        JourneyReadModule,
        ProjectionsModule.forRootAsync({
          imports: [JourneyReadModule],
          inject: [JOURNEY_PROJECTIONS],
          useFactory: (journey: Projection[]) => journey,
          runProjector: options.runProjector,
          env: config.env,
        }),
        FeedModule.forRoot(),
      ],
    };
  }

  static configure(app: NestExpressApplication): void {
    configureHttp(app);
    serveWebUi(app);
  }
}
