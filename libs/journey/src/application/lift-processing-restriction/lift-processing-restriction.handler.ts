import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { LiftProcessingRestrictionCommand } from './lift-processing-restriction.command';

/** The reason is kept as metadata.reason, as the restriction's is. */
@CommandHandler(LiftProcessingRestrictionCommand)
export class LiftProcessingRestrictionHandler implements ICommandHandler<LiftProcessingRestrictionCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: LiftProcessingRestrictionCommand): Promise<WriteResult> {
    return this.runner.entrepreneur('LiftProcessingRestriction', command, { reason: command.input.reason });
  }
}
