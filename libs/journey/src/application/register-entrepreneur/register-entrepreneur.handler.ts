import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NikHasher } from '@jejak/personal-data';
import type { EntrepreneurEvent } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { translateClaimViolation } from '../shared/claims';
import { RegisterEntrepreneurCommand } from './register-entrepreneur.command';

@CommandHandler(RegisterEntrepreneurCommand)
export class RegisterEntrepreneurHandler implements ICommandHandler<RegisterEntrepreneurCommand, WriteResult> {
  constructor(
    private readonly runner: JourneyCommandRunner,
    private readonly nik: NikHasher,
  ) {}

  execute(command: RegisterEntrepreneurCommand): Promise<WriteResult> {
    return translateClaimViolation(
      this.runner.entrepreneur('RegisterEntrepreneur', command, {
        create: true,
        newRegion: command.input.regionCode,
        // one NIK registers once, across all streams: its HMAC is claimed in the append's transaction
        claims: (events) => events.flatMap((e) => nikClaim(e, this.nik)),
      }),
    );
  }
}

function nikClaim(event: EntrepreneurEvent, hasher: NikHasher) {
  return event.type === 'Registered' ? [hasher.claim(event.data.nik)] : [];
}
