import type { RecordMonitoringVisit } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Records a monitoring (monev) visit on an existing case. */
export class RecordMonitoringVisitCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<RecordMonitoringVisit>,
    readonly meta: CommandMeta,
  ) {}
}
