import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';
import { CASELOAD_TABLE } from '../caseload/caseload.projection';
import { TIMELINE_TABLE } from './timeline.projection';

export interface TimelineItem {
  version: number;
  globalPosition: number;
  eventId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  /** the event's non-personal facts */
  data: Record<string, unknown>;
}

export interface CaseTimeline {
  id: string;
  kecamatanCode: string;
  items: TimelineItem[];
}

export class GetTimelineQuery extends Query<CaseTimeline | undefined> {
  constructor(readonly entrepreneurId: string) {
    super();
  }
}

/** The kecamatan comes from the caseload so the controller can check the caller's area. */
@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, CaseTimeline | undefined> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ entrepreneurId }: GetTimelineQuery): Promise<CaseTimeline | undefined> {
    const owner = await this.pool.query(`SELECT kecamatan_code FROM ${CASELOAD_TABLE} WHERE entrepreneur_id = $1`, [entrepreneurId]);
    if (owner.rows.length === 0) return undefined;
    const { rows } = await this.pool.query(
      `SELECT version, global_position, event_id, type, occurred_at, recorded_at, actor_id, actor_role, summary
       FROM ${TIMELINE_TABLE} WHERE entrepreneur_id = $1 ORDER BY version`,
      [entrepreneurId],
    );
    return {
      id: entrepreneurId,
      kecamatanCode: owner.rows[0].kecamatan_code,
      items: rows.map((r) => ({
        version: r.version,
        globalPosition: Number(r.global_position),
        eventId: r.event_id,
        type: r.type,
        occurredAt: new Date(r.occurred_at).toISOString(),
        recordedAt: new Date(r.recorded_at).toISOString(),
        actor: { id: r.actor_id, role: r.actor_role },
        data: r.summary,
      })),
    };
  }
}
