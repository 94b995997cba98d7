import type { JoinGroup } from '../../domain';
import type { CommandMeta, GroupInput } from '../shared/command-meta';

/** Adds a registered entrepreneur to a kelompok. */
export class JoinGroupCommand {
  constructor(
    readonly groupId: string,
    readonly input: GroupInput<JoinGroup>,
    readonly meta: CommandMeta,
  ) {}
}
