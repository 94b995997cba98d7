import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PersonalDataModule, PersonalDataVault } from '@jejak/personal-data';
import { JEJAK_CONFIG, registerProblemMessages, type JejakConfig } from '@jejak/platform';
import { JOURNEY_PROBLEM_TEXTS } from '../problem-texts/journey.problem-texts';
import { EntrepreneurQueriesController } from '../api/queries/entrepreneur-queries.controller';
import { GroupQueriesController } from '../api/queries/group-queries.controller';
import { PersonalDataReadsController } from '../api/audit/personal-data-reads.controller';
import { ProcessingTrailController } from '../api/queries/processing-trail.controller';
import { ReportQueriesController } from '../api/queries/report-queries.controller';
import { GetCaseHandler } from './case-state/get-case.query';
import { ListCaseloadHandler } from './caseload/caseload.query';
import { GetGroupHandler } from './group-state/get-group.query';
import { ListGroupSummariesHandler } from './group-summary/group-summary.query';
import { configuredJourneyProjections } from './journey-projections';
import { ListLanjutanEligibleHandler } from './lanjutan-eligibility/lanjutan-eligibility.query';
import { ExportPersonalDataHandler } from './personal-data-export/personal-data-export.query';
import { GetProcessingTrailHandler } from './processing-trail/processing-trail.query';
import { ListReadsByActorHandler } from './processing-trail/reads-by-actor.query';
import { GetProgressionHandler } from './progression/progression.query';
import { ReadModelFreshness } from './shared/read-model-freshness';
import { GetTimelineHandler } from './timeline/timeline.query';

/** The journey's projections, for ProjectionsModule: inject this token where the engine is built. */
export const JOURNEY_PROJECTIONS = Symbol('JOURNEY_PROJECTIONS');

/**
 * The read side of the journey: query controllers and handlers over the read models, plus the
 * projections themselves (built with the process's vault) under JOURNEY_PROJECTIONS.
 */
@Module({
  imports: [CqrsModule, PersonalDataModule],
  controllers: [EntrepreneurQueriesController, GroupQueriesController, ReportQueriesController, ProcessingTrailController, PersonalDataReadsController],
  providers: [
    ReadModelFreshness,
    ListCaseloadHandler,
    GetCaseHandler,
    GetGroupHandler,
    ListGroupSummariesHandler,
    GetTimelineHandler,
    GetProgressionHandler,
    ListLanjutanEligibleHandler,
    GetProcessingTrailHandler,
    ListReadsByActorHandler,
    ExportPersonalDataHandler,
    {
      provide: JOURNEY_PROJECTIONS,
      inject: [PersonalDataVault, JEJAK_CONFIG],
      useFactory: (vault: PersonalDataVault, config: JejakConfig) => configuredJourneyProjections(vault, config.env),
    },
  ],
  exports: [JOURNEY_PROJECTIONS],
})
export class JourneyReadModule {
  constructor() {
    registerProblemMessages(JOURNEY_PROBLEM_TEXTS);
  }
}
