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
 * carries the `{ erased: true }` profile, which the rule does not look at.
 */
export function evolveEligibility(policy: GraduationPolicy) {
  return (row: EligibilityRow | undefined, event: RecordedJourneyEvent): EligibilityRow | undefined => {
    if (event.type === 'GroupFormed' || event.type === 'MemberJoined') return row;
    if (row !== undefined && event.globalPosition <= row.lastPosition) return row;
    if (row === undefined && event.type !== 'Registered') return row;
    const before: EntrepreneurState = row?.state ?? { status: 'unregistered' };
    const after = evolve(before, { type: event.type, data: event.data } as Parameters<typeof evolve>[1]);
    if (after.status === 'unregistered') return row;
    const state: RegisteredState = { ...after, personal: { erased: true } };
    const erased = (row?.erased ?? false) || event.type === 'PersonalDataErased';
    const verdict = lanjutanEligibility(state, policy);
    return {
      entrepreneurId: state.entrepreneurId,
      kecamatanCode: state.demographics.kecamatanCode,
      eligible: verdict.eligible && !erased,
      gaps: verdict.gaps,
      visitsCounted: verdict.visitsCounted,
      latestWorkersTotal: verdict.latestWorkersTotal ?? null,
      latestVisitOn: verdict.latestVisitOn ?? null,
      erased,
      state,
      lastPosition: event.globalPosition,
    };
  };
}
