import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NikHasher } from '@jejak/personal-data';
import type { EntrepreneurEvent, EntrepreneurState } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { PEMULA_GRANT_CLAIM_SCOPE, translateClaimViolation } from '../shared/claims';
import { RecordGrantCommand } from './record-grant.command';

@CommandHandler(RecordGrantCommand)
export class RecordGrantHandler implements ICommandHandler<RecordGrantCommand, WriteResult> {
  constructor(
    private readonly runner: JourneyCommandRunner,
    private readonly nik: NikHasher,
  ) {}

  execute(command: RecordGrantCommand): Promise<WriteResult> {
    return translateClaimViolation(this.runner.entrepreneur('RecordGrant', command, { claims: (events, state) => this.pemulaClaims(events, state) }));
  }

  /**
   * The decider sees one stream; the claim keeps "one TKM Pemula grant per person" true across
   * streams too (design.md), keyed by the person's NIK rather than by the case.
   */
  private pemulaClaims(events: readonly EntrepreneurEvent[], state: EntrepreneurState) {
    const pemula = events.some((e) => e.type === 'GrantReceived' && e.data.programme === 'TKM_PEMULA');
    if (!pemula || state.status === 'unregistered' || state.personal.erased) return [];
    return [{ scope: PEMULA_GRANT_CLAIM_SCOPE, key: this.nik.hash(state.personal.nik) }];
  }
}
