import { runApp } from '@jejak/platform';
import { allMigrations } from '../jejak/migrations';
import { ProjectorAppModule } from './projector.module';

/** Runs the read-model projections (leader-elected); exposes /health and /metrics. */
runApp({
  name: 'projector',
  migrations: allMigrations,
  module: (config, db) => ProjectorAppModule.forRoot(config, db),
});
