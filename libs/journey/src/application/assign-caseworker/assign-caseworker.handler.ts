import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream } from '../shared/journey-streams';
import { AssignCaseworkerCommand } from './assign-caseworker.command';

@CommandHandler(AssignCaseworkerCommand)
export class AssignCaseworkerHandler implements ICommandHandler<AssignCaseworkerCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute({ entrepreneurId, input, meta }: AssignCaseworkerCommand): Promise<WriteResult> {
    return this.runner.handleCommand(entrepreneurStream, entrepreneurId, meta, (state, context) =>
      decide({ ...input, type: 'AssignCaseworker', entrepreneurId, now: meta.receivedAt }, state, context),
    );
  }
}
