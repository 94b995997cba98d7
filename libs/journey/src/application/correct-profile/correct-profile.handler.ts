import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { CorrectProfileCommand } from './correct-profile.command';

@CommandHandler(CorrectProfileCommand)
export class CorrectProfileHandler implements ICommandHandler<CorrectProfileCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: CorrectProfileCommand): Promise<WriteResult> {
    return this.runner.entrepreneur('CorrectProfile', command);
  }
}
