import type { IsoDate } from '../../domain/shared/dates';
import { addMonths } from '../shared/calendar';

/**
 * The monev schedule: the first monitoring visit falls due three months after a grant, the next
 * ones every six months after the latest visit. Named so the agency can read and tune it.
 */
export const MONITORING_SCHEDULE = {
  firstVisitMonthsAfterGrant: 3,
  monthsBetweenVisits: 6,
} as const;

export interface FollowUpFacts {
  withdrawn: boolean;
  /** the latest grant: a TKM Lanjutan grant restarts the schedule */
  latestGrantOn: IsoDate | null;
  latestVisitOn: IsoDate | null;
}

/** When the caseworker should visit next; null when nothing is funded or the case is closed. */
export function nextFollowUpOn(facts: FollowUpFacts, schedule = MONITORING_SCHEDULE): IsoDate | null {
  if (facts.withdrawn || facts.latestGrantOn === null) return null;
  if (facts.latestVisitOn !== null && facts.latestVisitOn >= facts.latestGrantOn)
    return addMonths(facts.latestVisitOn, schedule.monthsBetweenVisits);
  return addMonths(facts.latestGrantOn, schedule.firstVisitMonthsAfterGrant);
}
