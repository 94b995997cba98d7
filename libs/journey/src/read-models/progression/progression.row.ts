import type { Programme } from '../../domain/events/vocabulary';
import type { IsoDate } from '../../domain/shared/dates';
import type { Stage } from '../caseload/caseload.row';

/** Months after the first grant at which a funded business is checked for survival. */
export const SURVIVAL_MILESTONES = [6, 12, 24] as const;
export type SurvivalMilestone = (typeof SURVIVAL_MILESTONES)[number];

/**
 * The non-personal facts of one case that the progression report aggregates: cohort, area,
 * programme, the dates each stage was reached, survival at each milestone and the workforce
 * at the latest visit. Kept per case (not as counters) so that replaying an event is harmless
 * and any filter combination is one GROUP BY away.
 */
export interface ProgressionRow {
  entrepreneurId: string;
  registeredOn: IsoDate;
  kecamatanCode: string;
  /** the programme of the first grant: the one that funded the business */
  programme: Programme | null;
  stage: Stage;
  trainedOn: IsoDate | null;
  fundedOn: IsoDate | null;
  monitoredOn: IsoDate | null;
  graduatedOn: IsoDate | null;
  withdrawnOn: IsoDate | null;
  /** true: a visit at or after the milestone found it running; false: one at or before found it closed */
  active6m: boolean | null;
  active12m: boolean | null;
  active24m: boolean | null;
  latestVisitOn: IsoDate | null;
  latestBusinessActive: boolean | null;
  latestWorkersTotal: number | null;
  hasNib: boolean;
  lastPosition: number;
}
