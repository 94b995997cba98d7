import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { FormGroupCommand } from './form-group.command';

@CommandHandler(FormGroupCommand)
export class FormGroupHandler implements ICommandHandler<FormGroupCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: FormGroupCommand): Promise<WriteResult> {
    return this.runner.group('FormGroup', command, { create: true, newRegion: command.input.regionCode });
  }
}
