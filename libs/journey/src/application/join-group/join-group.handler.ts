import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertKecamatanAccess } from '@jejak/auth';
import { type EventStore, streamId } from '@jejak/event-store';
import { EVENT_STORE } from '@jejak/platform';
import { ErrorCode, groupNotFound, NotFoundError, standingOf } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream, entrepreneurStreamId, foldStream, groupStream } from '../shared/journey-streams';
import { JoinGroupCommand } from './join-group.command';

@CommandHandler(JoinGroupCommand)
export class JoinGroupHandler implements ICommandHandler<JoinGroupCommand, WriteResult> {
  constructor(
    private readonly runner: JourneyCommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(command: JoinGroupCommand): Promise<WriteResult> {
    const { entrepreneurId } = command.input;
    // The group decider knows only the group; that the member is a registered person is checked here.
    const member = await this.store.readStream(entrepreneurStreamId(entrepreneurId));
    const state = foldStream(entrepreneurStream, member);
    try {
      if (member.length === 0) throw new NotFoundError(ErrorCode.NOT_FOUND, `no entrepreneur is registered under ${entrepreneurId}`, { id: entrepreneurId });
      // The runner checks the group's area; the person added must be in the caller's area as well.
      const region = entrepreneurStream.regionOf(state, member);
      if (region !== undefined) assertKecamatanAccess(command.meta.actor, region);
    } catch (refusal) {
      // A group that does not exist is the first answer, as for any command on it: the member is
      // looked at first only to save a read on the usual path.
      const group = await this.store.readStream(streamId(groupStream.category, command.groupId));
      if (group.length === 0) throw groupNotFound();
      throw refusal;
    }
    return this.runner.group('JoinGroup', { ...command, input: { ...command.input, member: standingOf(state) } });
  }
}
