import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';
import type { Programme } from '../../domain/events/vocabulary';
import { decodeCursor, encodeCursor, regionPrefixParams } from '../shared/cursor';
import { CASELOAD_TABLE } from './caseload.projection';
import type { Stage } from './caseload.row';

export interface CaseloadFilter {
  stage?: Stage;
  regionCode?: string;
  programme?: Programme;
  caseworkerId?: string;
  /** part of the name, any position, case-insensitive */
  q?: string;
  limit: number;
  cursor?: string;
  /** the caller's area (token kecamatan codes); undefined: no limit */
  area?: readonly string[];
  /** the caller may not see restricted people's data: their rows show no name or village, and no name or village finds them */
  hideRestricted?: boolean;
}

export interface CaseloadItem {
  id: string;
  fullName: string | null;
  stage: Stage;
  regionCode: string | null;
  kecamatanCode: string;
  programme: Programme | null;
  caseworkerId: string | null;
  lastEventAt: string;
  nextFollowUpOn: string | null;
  version: number;
  personalDataErased: boolean;
  processingRestricted: boolean;
}

export interface CaseloadPage {
  items: CaseloadItem[];
  nextCursor: string | null;
}

export class ListCaseloadQuery extends Query<CaseloadPage> {
  constructor(readonly filter: CaseloadFilter) {
    super();
  }
}

/**
 * After the upgrade that added the column, the previous caseload table keeps serving until the
 * rebuilt one is swapped in (ADR 0005); the engine adds the column to it, empty, so there it reads
 * as "not restricted" (that table knows no restriction yet).
 */
const RESTRICTED = `coalesce(c.restricted, false)`;

type Cursor = { p: number };
const isCursor = (v: unknown): v is Cursor => typeof v === 'object' && v !== null && Number.isSafeInteger((v as Cursor).p);

/**
 * Newest registrations first, paged by keyset on the Registered event's position: immutable and
 * unique, so a page never repeats or skips a case while others are being registered or updated.
 */
@QueryHandler(ListCaseloadQuery)
export class ListCaseloadHandler implements IQueryHandler<ListCaseloadQuery, CaseloadPage> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ filter }: ListCaseloadQuery): Promise<CaseloadPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (...n: string[]) => string, ...values: unknown[]) => {
      const refs = values.map((v) => `$${params.push(v)}`);
      where.push(sql(...refs));
    };
    const hide = filter.hideRestricted === true;
    const personal = (column: string) => (hide ? `CASE WHEN ${RESTRICTED} THEN NULL ELSE ${column} END` : column);
    if (filter.stage) add((a) => `stage = ${a}`, filter.stage);
    if (filter.programme) add((a) => `programme = ${a}`, filter.programme);
    if (filter.caseworkerId) add((a) => `caseworker_id = ${a}`, filter.caseworkerId);
    if (filter.regionCode) {
      add((a, b) => `(region_path = ${a} OR region_path LIKE ${b})`, ...regionPrefixParams(filter.regionCode));
      // a hidden row's village is not shown, so it may not find the row either: its kecamatan still does
      if (hide) add((a, b) => `(NOT ${RESTRICTED} OR kecamatan_code = ${a} OR kecamatan_code LIKE ${b})`, ...regionPrefixParams(filter.regionCode));
    }
    if (filter.q) add((a) => `name_search LIKE ${a}${hide ? ` AND NOT ${RESTRICTED}` : ''}`, `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (filter.area) {
      const areaPrefixes = filter.area.map((code) => `${code}.%`);
      add((a, b) => `(kecamatan_code = ANY(${a}) OR kecamatan_code LIKE ANY(${b}))`, [...filter.area], areaPrefixes);
    }
    if (filter.cursor) add((a) => `registered_position < ${a}`, decodeCursor(filter.cursor, isCursor).p);
    const { rows } = await this.pool.query(
      `SELECT entrepreneur_id, ${personal('full_name')} AS full_name, stage, ${personal('region_code')} AS region_code, kecamatan_code, programme,
              caseworker_id, last_event_at, next_follow_up_on::text AS next_follow_up_on, version, erased, ${RESTRICTED} AS restricted,
              registered_position
       FROM ${CASELOAD_TABLE} c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY registered_position DESC LIMIT ${filter.limit + 1}`,
      params,
    );
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.entrepreneur_id,
        fullName: r.full_name,
        stage: r.stage,
        regionCode: r.region_code,
        kecamatanCode: r.kecamatan_code,
        programme: r.programme,
        caseworkerId: r.caseworker_id,
        lastEventAt: new Date(r.last_event_at).toISOString(),
        nextFollowUpOn: r.next_follow_up_on,
        version: r.version,
        personalDataErased: r.erased,
        processingRestricted: r.restricted,
      })),
      nextCursor: rows.length > filter.limit && last ? encodeCursor({ p: Number(last.registered_position) }) : null,
    };
  }
}
