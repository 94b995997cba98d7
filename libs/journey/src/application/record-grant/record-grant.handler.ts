import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NikHasher } from '@jejak/personal-data';
import { decide, type EntrepreneurEvent, type EntrepreneurState } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream } from '../shared/journey-streams';
import { PEMULA_GRANT_CLAIM_SCOPE, translateClaimViolation } from '../shared/claims';
import { RecordGrantCommand } from './record-grant.command';

@CommandHandler(RecordGrantCommand)
export class RecordGrantHandler implements ICommandHandler<RecordGrantCommand, WriteResult> {
  constructor(
    private readonly runner: JourneyCommandRunner,
    private readonly nik: NikHasher,
  ) {}

  execute({ entrepreneurId, input, meta }: RecordGrantCommand): Promise<WriteResult> {
    return translateClaimViolation(
      this.runner.handleCommand(
        entrepreneurStream,
        entrepreneurId,
        meta,
        (state, context) => decide({ ...input, type: 'RecordGrant', entrepreneurId, now: meta.receivedAt }, state, context),
        { claims: (events, state) => this.pemulaClaims(events, state) },
      ),
    );
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
