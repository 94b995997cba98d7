import type { GraduationPolicy } from '../policy/journey-policy';
import type { EntrepreneurState, VisitFact } from './entrepreneur.state';
import { pemulaGrant } from './entrepreneur.state';
import type { IsoDate } from '../shared/dates';

/** Why a case is not (yet) eligible; wire values the read side shows and filters on. */
export const LANJUTAN_GAPS = [
  'not_registered', 'withdrawn', 'already_graduated', 'no_pemula_grant', 'too_few_visits', 'business_not_active', 'too_few_workers',
] as const;
export type LanjutanGap = (typeof LANJUTAN_GAPS)[number];

export interface LanjutanEligibility {
  eligible: boolean;
  gaps: readonly LanjutanGap[];
  /** visits counted: on or after the TKM Pemula grant and not after `asOf` */
  visitsCounted: number;
  /** workersTotal at the latest counted visit */
  latestWorkersTotal?: number;
  latestVisitOn?: IsoDate;
}

/**
 * The TKM Lanjutan rule as one pure function, used by the graduation decision and reused by the
 * eligibility read model so both always agree. Only visits after the Pemula grant count (they
 * monitor the funded business), ordered by visit date rather than by the order they were entered.
 */
export function lanjutanEligibility(state: EntrepreneurState, policy: GraduationPolicy, asOf?: IsoDate): LanjutanEligibility {
  if (state.status === 'unregistered') return notEligible(['not_registered']);
  const gaps: LanjutanGap[] = [];
  if (state.status === 'withdrawn') gaps.push('withdrawn');
  if (state.status === 'graduated') gaps.push('already_graduated');
  const grant = pemulaGrant(state);
  if (!grant) return notEligible([...gaps, 'no_pemula_grant']);
  const visits = countedVisits(state.visits, grant.receivedOn, asOf);
  const latest = visits.at(-1);
  if (visits.length < policy.minVisits) gaps.push('too_few_visits');
  const needActive = Math.min(policy.latestVisitsActive, Math.max(visits.length, 1));
  if (visits.length === 0 || !visits.slice(-needActive).every((v) => v.businessActive)) gaps.push('business_not_active');
  if (!latest || latest.workersTotal < policy.minWorkersTotal) gaps.push('too_few_workers');
  return { eligible: gaps.length === 0, gaps, visitsCounted: visits.length, latestWorkersTotal: latest?.workersTotal, latestVisitOn: latest?.visitedOn };
}

function countedVisits(visits: readonly VisitFact[], grantOn: IsoDate, asOf: IsoDate | undefined): VisitFact[] {
  return visits
    .filter((v) => v.visitedOn >= grantOn && (asOf === undefined || v.visitedOn <= asOf))
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.visitedOn === b.v.visitedOn ? a.i - b.i : a.v.visitedOn < b.v.visitedOn ? -1 : 1))
    .map(({ v }) => v);
}

function notEligible(gaps: LanjutanGap[]): LanjutanEligibility {
  return { eligible: false, gaps, visitsCounted: 0 };
}
