/** The wire values of the API's closed vocabularies (libs/journey/src/domain/events/vocabulary.ts). */
export const STAGES = ['registered', 'trained', 'funded', 'monitored', 'graduated', 'withdrawn'];
export const SEXES = ['F', 'M'];
export const EDUCATION_LEVELS = ['none', 'sd', 'smp', 'slta', 'diploma', 's1', 's2', 's3'];
export const EMPLOYMENT_STATUSES = ['unemployed', 'employed', 'self_employed', 'student', 'other'];
export const TRAINING_KINDS = ['competency', 'non_competency', 'entrepreneurship'];
export const PROGRAMMES = ['TKM_PEMULA', 'TKM_LANJUTAN', 'WUB', 'OTHER'];
export const GRANT_FORMS = ['cash', 'equipment', 'mixed'];
export const FUNDING_SOURCES = ['APBN', 'APBD', 'CSR', 'OTHER'];
export const REVENUE_TRENDS = ['down', 'flat', 'up_to_target', 'above_target'];
export const PERMIT_STATUSES = ['none', 'rt_letter', 'in_process', 'obtained'];
export const OBSTACLES = ['market_access', 'packaging', 'permit', 'capital', 'other'];
