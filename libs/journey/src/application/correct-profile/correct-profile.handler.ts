import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream } from '../shared/journey-streams';
import { CorrectProfileCommand } from './correct-profile.command';

@CommandHandler(CorrectProfileCommand)
export class CorrectProfileHandler implements ICommandHandler<CorrectProfileCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute({ entrepreneurId, input, meta }: CorrectProfileCommand): Promise<WriteResult> {
    return this.runner.handleCommand(entrepreneurStream, entrepreneurId, meta, (state, context) =>
      decide({ ...input, type: 'CorrectProfile', entrepreneurId, now: meta.receivedAt }, state, context),
    );
  }
}
