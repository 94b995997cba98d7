import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream } from '../shared/journey-streams';
import { RecordMonitoringVisitCommand } from './record-monitoring-visit.command';

@CommandHandler(RecordMonitoringVisitCommand)
export class RecordMonitoringVisitHandler implements ICommandHandler<RecordMonitoringVisitCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute({ entrepreneurId, input, meta }: RecordMonitoringVisitCommand): Promise<WriteResult> {
    return this.runner.handleCommand(entrepreneurStream, entrepreneurId, meta, (state, context) =>
      decide({ ...input, type: 'RecordMonitoringVisit', entrepreneurId, now: meta.receivedAt }, state, context),
    );
  }
}
