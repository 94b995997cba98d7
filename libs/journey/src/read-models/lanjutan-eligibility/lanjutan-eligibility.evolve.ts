import type { EntrepreneurState, RegisteredState } from '../../domain/entrepreneur/entrepreneur.state';
import { evolve } from '../../domain/entrepreneur/entrepreneur.evolve';
import type { LanjutanGap } from '../../domain/entrepreneur/lanjutan-eligibility';
import { lanjutanEligibility } from '../../domain/entrepreneur/lanjutan-eligibility';
import type { GraduationPolicy } from '../../domain/policy/journey-policy';
import type { IsoDate } from '../../domain/shared/dates';
import type { RecordedJourneyEvent } from '../shared/recorded-journey-event';

/** One case judged against the TKM Lanjutan rule, with the facts the rule looked at. */
export interface EligibilityRow {
  entrepreneurId: string;
  kecamatanCode: string;
  eligible: boolean;
  gaps: readonly LanjutanGap[];
  visitsCounted: number;
  latestWorkersTotal: number | null;
  latestVisitOn: IsoDate | null;
  /** erased cases are closed to new facts, so they can never graduate */
  erased: boolean;
  /** the domain state without personal data: the rule's own input, folded by the domain's evolve */
  state: RegisteredState;
  lastPosition: number;
}

/**
 * The read model reuses the domain's evolve and lanjutanEligibility, so the list and the
 * graduation decision can never disagree. Personal data is never held here: the stored state
 * carries the `{ erased: true }` profile, which the rule does not look at. The fold only moves
 * the state; `judged` applies the rule once per row and batch (it sorts the visits, so running it
 * per event would cost a rebuild dearly).
 */
export function evolveEligibility(row: EligibilityRow | undefined, event: RecordedJourneyEvent): EligibilityRow | undefined {
  if (event.type === 'GroupFormed' || event.type === 'MemberJoined') return row;
  if (row !== undefined && event.globalPosition <= row.lastPosition) return row;
  if (row === undefined && event.type !== 'Registered') return row;
  const before: EntrepreneurState = row?.state ?? { status: 'unregistered' };
  const after = evolve(before, { type: event.type, data: event.data } as Parameters<typeof evolve>[1]);
  if (after.status === 'unregistered') return row;
  const state: RegisteredState = { ...after, personal: { erased: true } };
  return {
    ...(row ?? { eligible: false, gaps: [], visitsCounted: 0, latestWorkersTotal: null, latestVisitOn: null, erased: false }),
    entrepreneurId: state.entrepreneurId,
    kecamatanCode: state.demographics.kecamatanCode,
    erased: (row?.erased ?? false) || event.type === 'PersonalDataErased',
    state,
    lastPosition: event.globalPosition,
  };
}

export function judged(row: EligibilityRow, policy: GraduationPolicy): EligibilityRow {
  const verdict = lanjutanEligibility(row.state, policy);
  return {
    ...row,
    // a restricted person's data is not processed, so no automated decision is made about them
    eligible: verdict.eligible && !row.erased && row.state.restrictedOn === undefined,
    gaps: verdict.gaps,
    visitsCounted: verdict.visitsCounted,
    latestWorkersTotal: verdict.latestWorkersTotal ?? null,
    latestVisitOn: verdict.latestVisitOn ?? null,
  };
}
