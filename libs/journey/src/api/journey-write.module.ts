import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PersonalDataModule } from '@jejak/personal-data';
import { registerProblemMessages } from '@jejak/platform';
import { JOURNEY_WRITE_HANDLERS, JourneyCommandRunner } from '../application';
import { journeyDecisionContextProvider } from '../infrastructure/journey-decision-context.provider';
import { AuditAnchorsController } from './audit/audit-anchors.controller';
import { AuditController } from './audit/audit.controller';
import { EntrepreneurCommandsController } from './commands/entrepreneur-commands.controller';
import { GroupCommandsController } from './commands/group-commands.controller';
import { JOURNEY_PROBLEM_TEXTS } from '../problem-texts/journey.problem-texts';

/**
 * The write side of the journey: command controllers, their handlers over the one shared
 * JourneyCommandRunner, and the auditors' endpoints (raw history, audit anchors). Needs
 * PlatformModule (PG_POOL, EVENT_STORE, AUDIT_ANCHORS, JEJAK_CONFIG), AuthModule (the global
 * guard) and HttpPlatformModule (Idempotency-Key) and configureHttp (request context) in the app.
 */
@Module({
  imports: [CqrsModule, PersonalDataModule],
  controllers: [EntrepreneurCommandsController, GroupCommandsController, AuditController, AuditAnchorsController],
  providers: [journeyDecisionContextProvider, JourneyCommandRunner, ...JOURNEY_WRITE_HANDLERS],
})
export class JourneyWriteModule {
  constructor() {
    registerProblemMessages(JOURNEY_PROBLEM_TEXTS);
  }
}
