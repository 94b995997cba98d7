import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { WithdrawCommand } from './withdraw.command';

@CommandHandler(WithdrawCommand)
export class WithdrawHandler implements ICommandHandler<WithdrawCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: WithdrawCommand): Promise<WriteResult> {
    return this.runner.entrepreneur('Withdraw', command);
  }
}
