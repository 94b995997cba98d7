import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, NotFoundError } from '@jejak/platform';
import { streamId, type EventStore } from '@jejak/event-store';
import { PersonalDataVault } from '@jejak/personal-data';
import type { EntrepreneurEvent } from '../../domain/events/entrepreneur.events';
import { evolveAll } from '../../domain/entrepreneur/entrepreneur.evolve';
import { foldSealed } from '../shared/sealed-fold';
import { caseView, type CaseView } from './case.view';

export class GetCaseQuery extends Query<CaseView> {
  /**
   * `asOf`: only events recorded at or before this instant (time travel). `admit` sees the case's
   * kecamatan before any key is opened, and throws to refuse the reader.
   */
  constructor(readonly entrepreneurId: string, readonly asOf?: Date, readonly admit: (kecamatanCode: string) => void = () => undefined) {
    super();
  }
}

/**
 * The case is folded from its stream rather than read from a projection: it is then exact for
 * any instant (the same code answers "now" and "as of"), its version is the stream's, and it
 * needs no waiting for a projector. Erased personal data stays unreadable in the past too,
 * because the key is gone for every instant.
 */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ entrepreneurId, asOf, admit }: GetCaseQuery): Promise<CaseView> {
    const [view] = await readCaseViews(this.store, this.vault, [entrepreneurId], asOf, admit);
    if (view === undefined) throw notFound(entrepreneurId, asOf);
    return view;
  }
}

/**
 * Cases folded from their streams as GetCaseQuery answers them (undefined: none registered by
 * then), their personal fields opened with one key lookup for all of them. The restriction shown
 * is the one in force now, also `asOf`: a read now is processing now, so a restriction hides the
 * past as well, as an erasure does. `admit` sees each registered case's kecamatan (stored in clear)
 * before any key is opened, and throws to refuse the reader.
 */
export async function readCaseViews(
  store: EventStore,
  vault: PersonalDataVault,
  ids: readonly string[],
  asOf?: Date,
  admit?: (kecamatanCode: string) => void,
): Promise<(CaseView | undefined)[]> {
  // each stream is read whole once: `asOf` keeps its first part (recorded_at is in milliseconds, as a Date is)
  const now = await Promise.all(ids.map((id) => store.readStream(streamId('entrepreneur', id))));
  const streams = asOf ? now.map((events) => events.filter((e) => e.recordedAt.getTime() <= asOf.getTime())) : now;
  if (admit)
    for (const recorded of streams) {
      const sealed = foldSealed(recorded);
      if (sealed.status !== 'unregistered') admit(sealed.demographics.kecamatanCode);
    }
  const keys = await vault.keysFor(ids);
  return streams.map((recorded, i) => {
    const state = evolveAll(recorded.map((e) => ({ type: e.type, data: keys.open(e.data as object) }) as EntrepreneurEvent));
    const last = recorded.at(-1);
    if (state.status === 'unregistered' || last === undefined) return undefined;
    const current = asOf ? foldSealed(now[i]) : state;
    const restrictedOn = current.status === 'unregistered' ? undefined : current.restrictedOn;
    return caseView({ ...state, restrictedOn }, last.streamVersion, last.recordedAt, keys.isErased(ids[i]));
  });
}

function notFound(id: string, asOf: Date | undefined): NotFoundError {
  const when = asOf ? ` as of ${asOf.toISOString()}` : '';
  return new NotFoundError('ENTREPRENEUR.NOT_FOUND', `no entrepreneur ${id} was registered${when}`, { id, asOf: asOf?.toISOString() });
}
