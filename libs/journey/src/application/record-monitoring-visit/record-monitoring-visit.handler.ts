import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { RecordMonitoringVisitCommand } from './record-monitoring-visit.command';

@CommandHandler(RecordMonitoringVisitCommand)
export class RecordMonitoringVisitHandler implements ICommandHandler<RecordMonitoringVisitCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute(command: RecordMonitoringVisitCommand): Promise<WriteResult> {
    return this.runner.entrepreneur('RecordMonitoringVisit', command);
  }
}
