import { runApp } from '@jejak/platform';
import { allMigrations } from '../jejak/migrations';
import { CaseServiceModule } from './case-service.module';

/** The API process on its own (projector and relay run as separate processes against the same database). */
runApp({
  name: 'case-service',
  migrations: allMigrations,
  module: (config, db) => CaseServiceModule.forRoot(config, db, { runProjector: false }),
  configure: (app) => CaseServiceModule.configure(app),
});
