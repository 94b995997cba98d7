import type { PersonalDataVault } from '@jejak/personal-data';
import type { Projection } from '@jejak/projections';
import type { GraduationPolicy } from '../domain/policy/journey-policy';
import { loadJourneyPolicy } from '../infrastructure/policy/journey-policy.config';
import { caseloadProjection } from './caseload/caseload.projection';
import { groupSummaryProjection } from './group-summary/group-summary.projection';
import { lanjutanEligibilityProjection } from './lanjutan-eligibility/lanjutan-eligibility.projection';
import { progressionProjection } from './progression/progression.projection';
import type { PersonalDataReader } from './shared/personal-data.port';
import { vaultPersonalDataReader } from './shared/vault-personal-data.reader';
import { timelineProjection } from './timeline/timeline.projection';

export interface JourneyProjectionDeps {
  personalData: PersonalDataReader;
  /** no default: the eligibility list must judge by the rule the graduation command applies */
  graduationPolicy: GraduationPolicy;
}

/** Every read model of the journey context, for the projection engine. */
export function journeyProjections(deps: JourneyProjectionDeps): Projection[] {
  return [
    caseloadProjection(deps.personalData),
    timelineProjection,
    groupSummaryProjection,
    progressionProjection,
    lanjutanEligibilityProjection(deps.graduationPolicy),
  ];
}

/**
 * The journey's read models as a process runs them: personal data from the process's vault and the
 * graduation policy of the environment, read by the same loadJourneyPolicy as the command side, so
 * the Lanjutan eligibility list and the graduation command apply one rule. Every process, tool and
 * bench that projects builds them here.
 */
export function configuredJourneyProjections(vault: PersonalDataVault, env: NodeJS.ProcessEnv = process.env): Projection[] {
  return journeyProjections({ personalData: vaultPersonalDataReader(vault), graduationPolicy: loadJourneyPolicy(env).graduation });
}
