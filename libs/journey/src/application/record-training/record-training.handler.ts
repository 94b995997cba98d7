import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream } from '../shared/journey-streams';
import { RecordTrainingCommand } from './record-training.command';

@CommandHandler(RecordTrainingCommand)
export class RecordTrainingHandler implements ICommandHandler<RecordTrainingCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute({ entrepreneurId, input, meta }: RecordTrainingCommand): Promise<WriteResult> {
    return this.runner.handleCommand(entrepreneurStream, entrepreneurId, meta, (state, context) =>
      decide({ ...input, type: 'RecordTraining', entrepreneurId, now: meta.receivedAt }, state, context),
    );
  }
}
