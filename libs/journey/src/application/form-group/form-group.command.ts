import type { FormGroup } from '../../domain';
import type { CommandMeta, GroupInput } from '../shared/command-meta';

/** Forms a kelompok; the id is a fresh uuid chosen by the caller of the bus. */
export class FormGroupCommand {
  constructor(
    readonly groupId: string,
    readonly input: GroupInput<FormGroup>,
    readonly meta: CommandMeta,
  ) {}
}
