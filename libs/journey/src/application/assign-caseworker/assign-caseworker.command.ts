import type { AssignCaseworker } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Records the caseworker responsible for a case on an existing case. */
export class AssignCaseworkerCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<AssignCaseworker>,
    readonly meta: CommandMeta,
  ) {}
}
