import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { GraduateToLanjutanCommand } from './graduate-to-lanjutan.command';

@CommandHandler(GraduateToLanjutanCommand)
export class GraduateToLanjutanHandler implements ICommandHandler<GraduateToLanjutanCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: GraduateToLanjutanCommand): Promise<WriteResult> {
    return this.runner.entrepreneur('GraduateToLanjutan', command);
  }
}
