/** The journey's read side: projections for the engine, and the Nest module serving the queries. */
export { configuredJourneyProjections, journeyProjections, type JourneyProjectionDeps } from './journey-projections';
export { JourneyReadModule, JOURNEY_PROJECTIONS } from './journey-read.module';
export type { PersonalDataReader } from './shared/personal-data.port';
export { MONITORING_SCHEDULE, nextFollowUpOn } from './caseload/follow-up.policy';
export { MIN_POSITION_WAIT_MS, READ_POSITION_HEADER, ReadModelBehindError } from './shared/read-model-freshness';
export { STAGES, type Stage } from './caseload/caseload.row';
