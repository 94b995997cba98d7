import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { RestrictProcessingCommand } from './restrict-processing.command';

/** The reason is kept as metadata.reason, as erasure's is; the event itself holds nothing personal. */
@CommandHandler(RestrictProcessingCommand)
export class RestrictProcessingHandler implements ICommandHandler<RestrictProcessingCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: RestrictProcessingCommand): Promise<WriteResult> {
    return this.runner.entrepreneur('RestrictProcessing', command, { reason: command.input.reason });
  }
}
