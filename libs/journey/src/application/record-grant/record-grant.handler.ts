import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type EventStore, streamId } from '@jejak/event-store';
import { NikHasher } from '@jejak/personal-data';
import { EVENT_STORE } from '@jejak/platform';
import type { EntrepreneurEvent, EntrepreneurState, GrantGroup } from '../../domain';
import type { WriteResult } from '../shared/command-meta';
import { JourneyCommandRunner } from '../shared/handle-command';
import { PEMULA_GRANT_CLAIM_SCOPE, translateClaimViolation } from '../shared/claims';
import { groupStream } from '../shared/journey-streams';
import { RecordGrantCommand } from './record-grant.command';

@CommandHandler(RecordGrantCommand)
export class RecordGrantHandler implements ICommandHandler<RecordGrantCommand, WriteResult> {
  constructor(
    private readonly runner: JourneyCommandRunner,
    private readonly nik: NikHasher,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(command: RecordGrantCommand): Promise<WriteResult> {
    const { groupId } = command.input;
    const input = groupId === undefined ? command.input : { ...command.input, group: await this.standingIn(groupId, command.entrepreneurId) };
    return translateClaimViolation(this.runner.entrepreneur('RecordGrant', { ...command, input }, { claims: (events, state) => this.pemulaClaims(events, state) }));
  }

  /** The decider sees one stream; where the grantee stands in the kelompok the grant names is read here. */
  private async standingIn(groupId: string, entrepreneurId: string): Promise<GrantGroup> {
    const events = await this.store.readStream(streamId(groupStream.category, groupId));
    const joined = events.find((e) => e.type === 'MemberJoined' && (e.data as { entrepreneurId?: string }).entrepreneurId === entrepreneurId);
    return { formed: events.length > 0, memberSince: (joined?.data as { joinedOn?: string } | undefined)?.joinedOn };
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
