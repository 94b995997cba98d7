import type { Projection } from '@jejak/projections';
import { DEFAULT_GRADUATION_POLICY, type GraduationPolicy } from '../domain/policy/journey-policy';
import { caseloadProjection } from './caseload/caseload.projection';
import { groupSummaryProjection } from './group-summary/group-summary.projection';
import { lanjutanEligibilityProjection } from './lanjutan-eligibility/lanjutan-eligibility.projection';
import { progressionProjection } from './progression/progression.projection';
import type { PersonalDataReader } from './shared/personal-data.port';
import { timelineProjection } from './timeline/timeline.projection';

export interface JourneyProjectionDeps {
  personalData: PersonalDataReader;
  graduationPolicy?: GraduationPolicy;
}

/** Every read model of the journey context, for the projection engine. */
export function journeyProjections(deps: JourneyProjectionDeps): Projection[] {
  return [
    caseloadProjection(deps.personalData),
    timelineProjection,
    groupSummaryProjection,
    progressionProjection,
    lanjutanEligibilityProjection(deps.graduationPolicy ?? DEFAULT_GRADUATION_POLICY),
  ];
}
