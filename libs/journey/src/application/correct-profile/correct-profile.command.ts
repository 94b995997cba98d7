import type { CorrectProfile } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Records a correction of registration fields on an existing case. */
export class CorrectProfileCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<CorrectProfile>,
    readonly meta: CommandMeta,
  ) {}
}
