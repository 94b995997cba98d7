import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, NotFoundError } from '@jejak/platform';
import { streamId, type EventStore } from '@jejak/event-store';
import { PersonalDataVault } from '@jejak/personal-data';
import type { GroupEvent } from '../../domain/events/group.events';
import { readCaseViews } from '../case-state/get-case.query';
import { evolveGroupFacts, groupView, type GroupFacts, type GroupView } from './group.view';

export class GetGroupQuery extends Query<GroupView> {
  /**
   * `asOf`: only events recorded at or before this instant, the group's and its members' alike.
   * `admit` sees the group's kecamatan before any member is read, and throws to refuse the reader.
   */
  constructor(readonly groupId: string, readonly asOf?: Date, readonly admit: (kecamatanCode: string) => void = () => undefined) {
    super();
  }
}

/**
 * Folded from its stream like GetCaseQuery, for the same reasons: exact at any instant, the
 * stream's version as ETag, no waiting for a projector. The members' names come from their own
 * cases folded to the same instant, so an erased person is shown erased here too.
 */
@QueryHandler(GetGroupQuery)
export class GetGroupHandler implements IQueryHandler<GetGroupQuery, GroupView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ groupId, asOf, admit }: GetGroupQuery): Promise<GroupView> {
    const recorded = await this.store.readStream(streamId('group', groupId), { untilRecordedAt: asOf });
    const facts = recorded.reduce<GroupFacts | undefined>((f, e) => evolveGroupFacts(f, { type: e.type, data: e.data } as GroupEvent), undefined);
    const last = recorded.at(-1);
    if (facts === undefined || last === undefined) throw notFound(groupId, asOf);
    // a reader outside the group's area is refused before its members' cases are read and decrypted
    admit(facts.kecamatanCode);
    const cases = await readCaseViews(this.store, this.vault, facts.joined.map((m) => m.entrepreneurId), asOf);
    return groupView(facts, last.streamVersion, last.recordedAt, cases);
  }
}

function notFound(id: string, asOf: Date | undefined): NotFoundError {
  const when = asOf ? ` as of ${asOf.toISOString()}` : '';
  return new NotFoundError('GROUP.NOT_FOUND', `no group ${id} was formed${when}`, { id, asOf: asOf?.toISOString() });
}
