import type { Withdraw } from '../../domain';
import type { CommandMeta, EntrepreneurInput } from '../shared/command-meta';

/** Records the withdrawal of a case on an existing case. */
export class WithdrawCommand {
  constructor(
    readonly entrepreneurId: string,
    readonly input: EntrepreneurInput<Withdraw>,
    readonly meta: CommandMeta,
  ) {}
}
