export { JourneyWriteModule } from './journey-write.module';
export { JOURNEY_PROBLEM_TEXTS } from './journey.problem-texts';
