import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NikHasher } from '@jejak/personal-data';
import { decide, type EntrepreneurEvent } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { entrepreneurStream } from '../shared/journey-streams';
import { translateClaimViolation } from '../shared/claims';
import { RegisterEntrepreneurCommand } from './register-entrepreneur.command';

@CommandHandler(RegisterEntrepreneurCommand)
export class RegisterEntrepreneurHandler implements ICommandHandler<RegisterEntrepreneurCommand, WriteResult> {
  constructor(
    private readonly runner: JourneyCommandRunner,
    private readonly nik: NikHasher,
  ) {}

  execute({ entrepreneurId, input, meta }: RegisterEntrepreneurCommand): Promise<WriteResult> {
    return translateClaimViolation(
      this.runner.handleCommand(
        entrepreneurStream,
        entrepreneurId,
        meta,
        (state, context) => decide({ ...input, type: 'RegisterEntrepreneur', entrepreneurId, now: meta.receivedAt }, state, context),
        // one NIK registers once, across all streams: its HMAC is claimed in the append's transaction
        { create: true, newRegion: input.regionCode, claims: (events) => events.flatMap((e) => nikClaim(e, this.nik)) },
      ),
    );
  }
}

function nikClaim(event: EntrepreneurEvent, hasher: NikHasher) {
  return event.type === 'Registered' ? [hasher.claim(event.data.nik)] : [];
}
