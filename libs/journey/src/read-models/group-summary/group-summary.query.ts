import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';
import type { Programme } from '../../domain/events/vocabulary';
import { decodeCursor, encodeCursor, isIdCursor, regionPrefixParams } from '../shared/cursor';
import { GROUP_SUMMARY_TABLE } from './group-summary.projection';

/** A kelompok in GET /v1/groups: its own facts and counts, no member's data. */
export interface GroupSummaryItem {
  id: string;
  name: string;
  regionCode: string;
  kecamatanCode: string;
  businessType: string;
  programme: Programme;
  formedOn: string;
  maxMembers: number;
  membersCount: number;
  grantsCount: number;
  grantTotal: number;
}

export interface GroupSummaryFilter {
  regionCode?: string;
  programme?: Programme;
  /** the caller's area (token kecamatan codes); undefined: no limit */
  area?: readonly string[];
  limit: number;
  cursor?: string;
}

export interface GroupSummaryPage {
  items: GroupSummaryItem[];
  nextCursor: string | null;
}

export class ListGroupSummariesQuery extends Query<GroupSummaryPage> {
  constructor(readonly filter: GroupSummaryFilter) {
    super();
  }
}


/**
 * Paged by keyset on the group id, the primary key: the order means nothing to a reader, but it is
 * stable and index-backed without another index (a new one would need a rebuild of the read model).
 */
@QueryHandler(ListGroupSummariesQuery)
export class ListGroupSummariesHandler implements IQueryHandler<ListGroupSummariesQuery, GroupSummaryPage> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ filter }: ListGroupSummariesQuery): Promise<GroupSummaryPage> {
    const params: unknown[] = [];
    // a grant can name a group before its GroupFormed is projected: such a row is no group to list yet
    const where = ['name IS NOT NULL'];
    const ref = (v: unknown) => `$${params.push(v)}`;
    if (filter.regionCode) {
      const [exact, under] = regionPrefixParams(filter.regionCode);
      where.push(`(region_code = ${ref(exact)} OR region_code LIKE ${ref(under)})`);
    }
    if (filter.programme) where.push(`programme = ${ref(filter.programme)}`);
    if (filter.area) where.push(`(kecamatan_code = ANY(${ref([...filter.area])}) OR kecamatan_code LIKE ANY(${ref(filter.area.map((c) => `${c}.%`))}))`);
    if (filter.cursor) where.push(`group_id > ${ref(decodeCursor(filter.cursor, isIdCursor).id)}`);
    const { rows } = await this.pool.query(
      `SELECT group_id, name, region_code, kecamatan_code, business_type, programme, formed_on::text AS formed_on, max_members,
              members_count, grants_count, grant_total
       FROM ${GROUP_SUMMARY_TABLE} WHERE ${where.join(' AND ')} ORDER BY group_id LIMIT ${filter.limit + 1}`,
      params,
    );
    const page = rows.slice(0, filter.limit);
    return {
      items: page.map((r) => ({
        id: r.group_id, name: r.name, regionCode: r.region_code, kecamatanCode: r.kecamatan_code, businessType: r.business_type,
        programme: r.programme, formedOn: r.formed_on, maxMembers: r.max_members, membersCount: r.members_count,
        grantsCount: r.grants_count, grantTotal: Number(r.grant_total),
      })),
      nextCursor: rows.length > filter.limit ? encodeCursor({ id: page[page.length - 1].group_id }) : null,
    };
  }
}
