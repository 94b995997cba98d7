/**
 * The closed vocabularies events use. Values are wire values: renaming one is a breaking
 * change (new schema version + upcaster), adding one is not.
 */
export const SEXES = ['F', 'M'] as const;
export const EDUCATION_LEVELS = ['none', 'sd', 'smp', 'slta', 'diploma', 's1', 's2', 's3'] as const;
export const EMPLOYMENT_STATUSES = ['unemployed', 'employed', 'self_employed', 'student', 'other'] as const;
export const TRAINING_KINDS = ['competency', 'non_competency', 'entrepreneurship'] as const;
export const PROGRAMMES = ['TKM_PEMULA', 'TKM_LANJUTAN', 'WUB', 'OTHER'] as const;
export const GRANT_FORMS = ['cash', 'equipment', 'mixed'] as const;
export const FUNDING_SOURCES = ['APBN', 'APBD', 'CSR', 'OTHER'] as const;
export const REVENUE_TRENDS = ['down', 'flat', 'up_to_target', 'above_target'] as const;
export const PERMIT_STATUSES = ['none', 'rt_letter', 'in_process', 'obtained'] as const;
export const OBSTACLES = ['market_access', 'packaging', 'permit', 'capital', 'other'] as const;

export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export type Programme = (typeof PROGRAMMES)[number];
export type GrantForm = (typeof GRANT_FORMS)[number];
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export type RevenueTrend = (typeof REVENUE_TRENDS)[number];
export type PermitStatus = (typeof PERMIT_STATUSES)[number];
export type Obstacle = (typeof OBSTACLES)[number];
