import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { AssignCaseworkerCommand } from './assign-caseworker.command';

@CommandHandler(AssignCaseworkerCommand)
export class AssignCaseworkerHandler implements ICommandHandler<AssignCaseworkerCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: AssignCaseworkerCommand): Promise<WriteResult> {
    return this.runner.entrepreneur('AssignCaseworker', command);
  }
}
