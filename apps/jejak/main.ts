import { runApp } from '@jejak/platform';
import { loadDemoIfEmpty } from './demo';
import { JejakModule } from './jejak.module';
import { allMigrations } from './migrations';

/** The all-in-one process for a single machine: API, projector and relay in one. */
runApp({
  name: 'jejak',
  migrations: allMigrations,
  module: (config, db) => JejakModule.forRoot(config, db),
  configure: JejakModule.configure,
  async afterStart(running) {
    if (process.argv.includes('--demo')) await loadDemoIfEmpty(running.app, (m) => process.stdout.write(`[jejak] ${m}\n`));
    process.stdout.write(`[jejak] a token for the API and the UI: npm run -s token -- --role supervisor --sub demo\n`);
  },
});
