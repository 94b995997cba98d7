import { DynamicModule, Module } from '@nestjs/common';
import { configuredJourneyProjections } from '@jejak/journey/read-models';
import { PersonalDataModule, PersonalDataVault } from '@jejak/personal-data';
import { PlatformModule, type Database, type JejakConfig } from '@jejak/platform';
import { ProjectionsModule } from '@jejak/projections';

/**
 * The projector process: the platform (database, event store, /health, /metrics, the periodic
 * seal of audit anchors) and the projection engine running the journey read models. Run one or
 * more: one holds the advisory lock and projects, the others stand by (and one seals each round).
 * The admin API lives in the API process (it has auth).
 */
@Module({})
export class ProjectorAppModule {
  static forRoot(config: JejakConfig, db: Database): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        PlatformModule.forRoot({ config, databaseUrl: db.url, poolSize: 8, sealAuditAnchors: true }),
        ProjectionsModule.forRootAsync({
          // Not JourneyReadModule: it brings the query routes, which need the API process's auth.
          imports: [PersonalDataModule],
          inject: [PersonalDataVault],
          useFactory: (vault: PersonalDataVault) => configuredJourneyProjections(vault, config.env),
          adminApi: false,
          env: config.env,
        }),
      ],
    };
  }
}
