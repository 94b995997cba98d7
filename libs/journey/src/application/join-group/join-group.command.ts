import type { JoinGroup } from '../../domain';
import type { CommandMeta, GroupInput } from '../shared/command-meta';

/** Adds a registered entrepreneur to a kelompok; the handler reads the person's standing from their case. */
export class JoinGroupCommand {
  constructor(
    readonly groupId: string,
    readonly input: Omit<GroupInput<JoinGroup>, 'member'>,
    readonly meta: CommandMeta,
  ) {}
}
