import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { streamId, type EventStore } from '@jejak/event-store';
import { EVENT_STORE } from '@jejak/platform';
import { PersonalDataVault, ProcessingTrail, type RecordedRead } from '@jejak/personal-data';
import { evolveAll } from '../../domain/entrepreneur/entrepreneur.evolve';
import type { EntrepreneurEvent } from '../../domain/events/entrepreneur.events';
import { caseView, type CaseView } from '../case-state/case.view';
import { TRAIL_START, trailPage, type TrailItem } from '../processing-trail/processing-trail';
import { foldSealed } from '../shared/sealed-fold';

/** One recorded fact of the person's case, with its personal fields opened (absent once erased). */
export interface ExportedFact {
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  data: Record<string, unknown>;
}

/** What the person may ask for under UU PDP: the data held about them and what was done with it. */
export interface PersonalDataExport {
  id: string;
  generatedAt: string;
  /** where the case is run: the controller checks the caller's area against it */
  kecamatanCode: string;
  personalDataErased: boolean;
  /** the case as it stands, as GET /v1/entrepreneurs/{id} shows it */
  current: CaseView;
  /** every fact recorded, oldest first */
  facts: ExportedFact[];
  /** every write and every read of the personal data, oldest first, as the processing trail lists them */
  processingTrail: TrailItem[];
}

export class ExportPersonalDataQuery extends Query<PersonalDataExport | undefined> {
  /** `admit` sees the person's kecamatan before any key is opened or the trail read, and throws to refuse the reader */
  constructor(readonly entrepreneurId: string, readonly now: Date, readonly admit: (kecamatanCode: string) => void = () => undefined) {
    super();
  }
}

const READS_PER_QUERY = 1000;

/**
 * A copy of everything Jejak holds about one person (right of access, UU 27/2022): the case, its
 * facts with their personal fields opened, and the whole processing trail. Folded from the stream
 * like the case view, so it is exact and needs no projection; the trail's reads are fetched in
 * keyset pages until none are left.
 */
@QueryHandler(ExportPersonalDataQuery)
export class ExportPersonalDataHandler implements IQueryHandler<ExportPersonalDataQuery, PersonalDataExport | undefined> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly trail: ProcessingTrail,
  ) {}

  async execute({ entrepreneurId, now, admit }: ExportPersonalDataQuery): Promise<PersonalDataExport | undefined> {
    const recorded = await this.store.readStream(streamId('entrepreneur', entrepreneurId));
    const last = recorded.at(-1);
    // the kecamatan is stored in clear: a reader outside it is refused before anything is opened
    const sealed = foldSealed(recorded);
    if (sealed.status === 'unregistered' || last === undefined) return undefined;
    admit(sealed.demographics.kecamatanCode);
    const [keys, reads] = await Promise.all([this.vault.keysFor([entrepreneurId]), this.allReads(entrepreneurId)]);
    const opened = recorded.map((e) => ({ ...e, data: keys.open(e.data as object) as Record<string, unknown> }));
    const state = evolveAll(opened.map((e) => ({ type: e.type, data: e.data }) as EntrepreneurEvent));
    if (state.status === 'unregistered') return undefined;
    const current = caseView(state, last.streamVersion, last.recordedAt, keys.isErased(entrepreneurId));
    return {
      id: entrepreneurId,
      generatedAt: now.toISOString(),
      kecamatanCode: current.kecamatanCode,
      personalDataErased: current.personalDataErased,
      current,
      facts: opened.map((e) => ({
        version: e.streamVersion,
        type: e.type,
        occurredAt: e.metadata.occurredAt,
        recordedAt: e.recordedAt.toISOString(),
        actor: { id: e.metadata.actorId, role: e.metadata.actorRole },
        data: e.data,
      })),
      processingTrail: trailPage(recorded, reads, Number.POSITIVE_INFINITY, TRAIL_START).items,
    };
  }

  private async allReads(subjectId: string): Promise<RecordedRead[]> {
    const all: RecordedRead[] = [];
    for (;;) {
      const page = await this.trail.readsOf(subjectId, { after: all.at(-1), limit: READS_PER_QUERY });
      all.push(...page);
      if (page.length < READS_PER_QUERY) return all;
    }
  }
}
