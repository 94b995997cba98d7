import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';
import { CASELOAD_TABLE } from '../caseload/caseload.projection';
import { decodeCursor, encodeCursor, isIdCursor, regionPrefixParams } from '../shared/cursor';
import { ELIGIBILITY_TABLE } from './lanjutan-eligibility.projection';

export interface EligibleItem {
  id: string;
  fullName: string | null;
  kecamatanCode: string;
  caseworkerId: string | null;
  visitsCounted: number;
  latestWorkersTotal: number | null;
  latestVisitOn: string | null;
}

export interface EligibilityFilter {
  regionCode?: string;
  area?: readonly string[];
  limit: number;
  cursor?: string;
}

export class ListLanjutanEligibleQuery extends Query<{ items: EligibleItem[]; nextCursor: string | null }> {
  constructor(readonly filter: EligibilityFilter) {
    super();
  }
}


@QueryHandler(ListLanjutanEligibleQuery)
export class ListLanjutanEligibleHandler implements IQueryHandler<ListLanjutanEligibleQuery> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ filter }: ListLanjutanEligibleQuery) {
    const params: unknown[] = [];
    const where = ['e.eligible'];
    const ref = (v: unknown) => `$${params.push(v)}`;
    if (filter.regionCode) {
      const [exact, under] = regionPrefixParams(filter.regionCode);
      where.push(`(e.kecamatan_code = ${ref(exact)} OR e.kecamatan_code LIKE ${ref(under)})`);
    }
    if (filter.area) where.push(`(e.kecamatan_code = ANY(${ref([...filter.area])}) OR e.kecamatan_code LIKE ANY(${ref(filter.area.map((c) => `${c}.%`))}))`);
    if (filter.cursor) where.push(`e.entrepreneur_id > ${ref(decodeCursor(filter.cursor, isIdCursor).id)}`);
    const { rows } = await this.pool.query(
      `SELECT e.entrepreneur_id, c.full_name, e.kecamatan_code, c.caseworker_id, e.visits_counted, e.latest_workers_total,
              e.latest_visit_on::text AS latest_visit_on
       FROM ${ELIGIBILITY_TABLE} e LEFT JOIN ${CASELOAD_TABLE} c USING (entrepreneur_id)
       WHERE ${where.join(' AND ')} ORDER BY e.entrepreneur_id LIMIT ${filter.limit + 1}`,
      params,
    );
    const page = rows.slice(0, filter.limit);
    return {
      items: page.map((r) => ({
        id: r.entrepreneur_id, fullName: r.full_name, kecamatanCode: r.kecamatan_code, caseworkerId: r.caseworker_id,
        visitsCounted: r.visits_counted, latestWorkersTotal: r.latest_workers_total, latestVisitOn: r.latest_visit_on,
      })),
      nextCursor: rows.length > filter.limit ? encodeCursor({ id: page[page.length - 1].entrepreneur_id }) : null,
    };
  }
}
