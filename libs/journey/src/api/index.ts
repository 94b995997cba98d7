export { JourneyWriteModule } from './journey-write.module';
export { JOURNEY_PROBLEM_TEXTS } from '../problem-texts/journey.problem-texts';
