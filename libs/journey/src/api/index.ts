export { JourneyWriteModule } from './journey-write.module';
