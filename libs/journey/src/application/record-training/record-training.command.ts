import type { RecordTraining } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Records a completed training on an existing case. */
export class RecordTrainingCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<RecordTraining>,
    readonly meta: CommandMeta,
  ) {}
}
