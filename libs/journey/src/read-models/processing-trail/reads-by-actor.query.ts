import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@jejak/platform';
import { ProcessingTrail } from '@jejak/personal-data';
import type { Pool } from 'pg';
import { CASELOAD_TABLE } from '../caseload/caseload.projection';
import { decodeCursor, encodeCursor, isIdCursor } from '../shared/cursor';

/** One person an account was shown, for a breach assessment: ids, codes and counts only. */
export interface ReadPersonItem {
  entrepreneurId: string;
  /** where the case is run (null if the read model does not have it yet) */
  kecamatanCode: string | null;
  reads: number;
  firstReadAt: string;
  lastReadAt: string;
  purposes: string[];
}

export interface ReadsByActorPage {
  actorId: string;
  from: string;
  to: string;
  /** how many people the account was shown in the window, on every page */
  people: number;
  items: ReadPersonItem[];
  nextCursor: string | null;
}

export class ListReadsByActorQuery extends Query<ReadsByActorPage> {
  constructor(
    readonly actorId: string,
    readonly from: Date,
    readonly to: Date,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/**
 * The processing trail by account: whose personal data one token subject was shown in a time
 * window, as a personal-data breach needs it (a leaked token or a misused account: the people to
 * tell). The kecamatan comes from the caseload read model, so the answer names where each case is
 * run without showing, hence without recording, anyone's personal data.
 */
@QueryHandler(ListReadsByActorQuery)
export class ListReadsByActorHandler implements IQueryHandler<ListReadsByActorQuery, ReadsByActorPage> {
  constructor(
    private readonly trail: ProcessingTrail,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async execute({ actorId, from, to, limit, cursor }: ListReadsByActorQuery): Promise<ReadsByActorPage> {
    const after = cursor ? decodeCursor(cursor, isIdCursor).id : undefined;
    const { people, subjects } = await this.trail.readsBy(actorId, { from, to }, { afterSubject: after, limit: limit + 1 });
    const page = subjects.slice(0, limit);
    const { rows } = await this.pool.query<{ entrepreneur_id: string; kecamatan_code: string }>(
      `SELECT entrepreneur_id, kecamatan_code FROM ${CASELOAD_TABLE} WHERE entrepreneur_id = ANY($1::uuid[])`,
      [page.map((s) => s.subjectId)],
    );
    const kecamatan = new Map(rows.map((r) => [r.entrepreneur_id, r.kecamatan_code]));
    return {
      actorId,
      from: from.toISOString(),
      to: to.toISOString(),
      people,
      items: page.map((s) => ({
        entrepreneurId: s.subjectId,
        kecamatanCode: kecamatan.get(s.subjectId) ?? null,
        reads: s.reads,
        firstReadAt: s.firstReadAt.toISOString(),
        lastReadAt: s.lastReadAt.toISOString(),
        purposes: s.purposes,
      })),
      nextCursor: subjects.length > limit ? encodeCursor({ id: page[page.length - 1].subjectId }) : null,
    };
  }
}
