import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideGroup } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { groupStream } from '../shared/journey-streams';
import { FormGroupCommand } from './form-group.command';

@CommandHandler(FormGroupCommand)
export class FormGroupHandler implements ICommandHandler<FormGroupCommand, WriteResult> {
  constructor(private readonly runner: JourneyCommandRunner) {}

  execute({ groupId, input, meta }: FormGroupCommand): Promise<WriteResult> {
    return this.runner.handleCommand(
      groupStream,
      groupId,
      meta,
      (state, context) => decideGroup({ ...input, type: 'FormGroup', groupId, now: meta.receivedAt }, state, context),
      { create: true, newRegion: input.regionCode },
    );
  }
}
