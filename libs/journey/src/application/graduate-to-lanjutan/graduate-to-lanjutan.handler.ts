import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream } from '../shared/journey-streams';
import { GraduateToLanjutanCommand } from './graduate-to-lanjutan.command';

@CommandHandler(GraduateToLanjutanCommand)
export class GraduateToLanjutanHandler implements ICommandHandler<GraduateToLanjutanCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute({ entrepreneurId, input, meta }: GraduateToLanjutanCommand): Promise<WriteResult> {
    return this.runner.handleCommand(entrepreneurStream, entrepreneurId, meta, (state, context) =>
      decide({ ...input, type: 'GraduateToLanjutan', entrepreneurId, now: meta.receivedAt }, state, context),
    );
  }
}
