import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream } from '../shared/journey-streams';
import { WithdrawCommand } from './withdraw.command';

@CommandHandler(WithdrawCommand)
export class WithdrawHandler implements ICommandHandler<WithdrawCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute({ entrepreneurId, input, meta }: WithdrawCommand): Promise<WriteResult> {
    return this.runner.handleCommand(entrepreneurStream, entrepreneurId, meta, (state, context) =>
      decide({ ...input, type: 'Withdraw', entrepreneurId, now: meta.receivedAt }, state, context),
    );
  }
}
