import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataVault } from '@jejak/personal-data';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { ErasePersonalDataCommand } from './erase-personal-data.command';

/**
 * The event is appended first, then the key destroyed. In that order a failure in between leaves
 * an erased case whose key still exists, which the next erasure request finishes (onLoaded, even
 * with a stale If-Match); the other order could destroy the data of a request that was then
 * refused (stale If-Match). The erasure reason is not personal, so it also goes to metadata.reason.
 */
@CommandHandler(ErasePersonalDataCommand)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataCommand, WriteResult> {
  constructor(
    private readonly runner: JourneyCommandRunner,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute(command: ErasePersonalDataCommand): Promise<WriteResult> {
    const { entrepreneurId } = command;
    const result = await this.runner.entrepreneur('ErasePersonalData', command, {
      reason: command.input.reason,
      onLoaded: async (state) => {
        if (state.status !== 'unregistered' && state.personal.erased) await this.vault.erase(entrepreneurId);
      },
    });
    await this.vault.erase(entrepreneurId);
    return result;
  }
}
