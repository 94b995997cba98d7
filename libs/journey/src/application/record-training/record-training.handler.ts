import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { RecordTrainingCommand } from './record-training.command';

@CommandHandler(RecordTrainingCommand)
export class RecordTrainingHandler implements ICommandHandler<RecordTrainingCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: RecordTrainingCommand): Promise<WriteResult> {
    return this.runner.entrepreneur('RecordTraining', command);
  }
}
