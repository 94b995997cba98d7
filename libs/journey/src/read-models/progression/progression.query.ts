import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';
import type { Programme } from '../../domain/events/vocabulary';
import { STAGES, type Stage } from '../caseload/caseload.row';
import { regionPrefixParams } from '../shared/cursor';
import { PROGRESSION_TABLE } from './progression.projection';
import { SURVIVAL_MILESTONES } from './progression.row';

export interface ProgressionFilter {
  year?: number;
  regionCode?: string;
  programme?: Programme;
  area?: readonly string[];
}

const FUNNEL = ['registered', 'trained', 'funded', 'monitored', 'graduated'] as const;
type FunnelStage = (typeof FUNNEL)[number];

export interface ProgressionReport {
  filters: { year: number | null; regionCode: string | null; programme: Programme | null };
  /** the funnel follows the registration cohort; survival and workers follow the grant cohort */
  cohorts: { funnel: 'registration_year'; survival: 'grant_year' };
  /** where the cases are now */
  stages: Record<Stage, number>;
  /** how many ever reached each stage */
  reached: Record<FunnelStage, number>;
  /** reached[stage] / reached[previous stage]; null when nothing reached the previous one */
  conversion: Record<Exclude<FunnelStage, 'registered'>, number | null>;
  survival: { months: number; funded: number; observed: number; active: number; rate: number | null }[];
  workersAbsorbed: { activeBusinesses: number; workersTotal: number; besidesOwners: number };
  businessesWithNib: number;
}

export class GetProgressionQuery extends Query<ProgressionReport> {
  constructor(readonly filter: ProgressionFilter) {
    super();
  }
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

/**
 * One aggregate over the per-case facts. Programme means the programme of the first grant, so a
 * programme filter only sees funded cases. Survival counts only cases with evidence for the
 * milestone (see the projection's evidence rule): `observed` tells how solid the rate is.
 */
@QueryHandler(GetProgressionQuery)
export class GetProgressionHandler implements IQueryHandler<GetProgressionQuery, ProgressionReport> {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute({ filter }: GetProgressionQuery): Promise<ProgressionReport> {
    const params: unknown[] = [];
    const ref = (v: unknown) => `$${params.push(v)}`;
    const common: string[] = [];
    if (filter.regionCode) {
      const [exact, under] = regionPrefixParams(filter.regionCode);
      common.push(`(kecamatan_code = ${ref(exact)} OR kecamatan_code LIKE ${ref(under)})`);
    }
    if (filter.area) common.push(`(kecamatan_code = ANY(${ref([...filter.area])}) OR kecamatan_code LIKE ANY(${ref(filter.area.map((c) => `${c}.%`))}))`);
    if (filter.programme) common.push(`programme = ${ref(filter.programme)}`);
    const year = filter.year === undefined ? undefined : ref(filter.year);
    const inRegistrationYear = year ? `extract(year FROM registered_on) = ${year}` : 'true';
    const inGrantYear = year ? `extract(year FROM funded_on) = ${year}` : 'funded_on IS NOT NULL';
    const survival = SURVIVAL_MILESTONES.map(
      (m) => `count(*) FILTER (WHERE ${inGrantYear} AND active_${m}m IS NOT NULL) AS observed_${m},
              count(*) FILTER (WHERE ${inGrantYear} AND active_${m}m) AS active_${m}`,
    ).join(',\n');
    const { rows } = await this.pool.query(
      `SELECT
         ${STAGES.map((s) => `count(*) FILTER (WHERE ${inRegistrationYear} AND stage = '${s}') AS stage_${s}`).join(', ')},
         count(*) FILTER (WHERE ${inRegistrationYear}) AS reached_registered,
         count(*) FILTER (WHERE ${inRegistrationYear} AND trained_on IS NOT NULL) AS reached_trained,
         count(*) FILTER (WHERE ${inRegistrationYear} AND funded_on IS NOT NULL) AS reached_funded,
         count(*) FILTER (WHERE ${inRegistrationYear} AND monitored_on IS NOT NULL) AS reached_monitored,
         count(*) FILTER (WHERE ${inRegistrationYear} AND graduated_on IS NOT NULL) AS reached_graduated,
         count(*) FILTER (WHERE ${inGrantYear}) AS funded_cohort,
         ${survival},
         count(*) FILTER (WHERE ${inGrantYear} AND latest_business_active) AS active_businesses,
         coalesce(sum(latest_workers_total) FILTER (WHERE ${inGrantYear} AND latest_business_active), 0) AS workers_total,
         count(*) FILTER (WHERE ${inGrantYear} AND has_nib) AS with_nib
       FROM ${PROGRESSION_TABLE} ${common.length ? `WHERE ${common.join(' AND ')}` : ''}`,
      params,
    );
    const r = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
    const reached = Object.fromEntries(FUNNEL.map((s) => [s, r[`reached_${s}`]])) as Record<FunnelStage, number>;
    return {
      filters: { year: filter.year ?? null, regionCode: filter.regionCode ?? null, programme: filter.programme ?? null },
      cohorts: { funnel: 'registration_year', survival: 'grant_year' },
      stages: Object.fromEntries(STAGES.map((s) => [s, r[`stage_${s}`]])) as Record<Stage, number>,
      reached,
      conversion: {
        trained: ratio(reached.trained, reached.registered),
        funded: ratio(reached.funded, reached.trained),
        monitored: ratio(reached.monitored, reached.funded),
        graduated: ratio(reached.graduated, reached.funded),
      },
      survival: SURVIVAL_MILESTONES.map((m) => ({
        months: m, funded: r.funded_cohort, observed: r[`observed_${m}`], active: r[`active_${m}`], rate: ratio(r[`active_${m}`], r[`observed_${m}`]),
      })),
      workersAbsorbed: { activeBusinesses: r.active_businesses, workersTotal: r.workers_total, besidesOwners: r.workers_total - r.active_businesses },
      businessesWithNib: r.with_nib,
    };
  }
}
