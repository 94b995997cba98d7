import type { INestApplication } from '@nestjs/common';
import { seedDemo } from '@jejak/demo';
import type { EventStore } from '@jejak/event-store';
import { IdnAreaRegionDirectory } from '@jejak/journey/infrastructure/regions';
import { NikHasher, PersonalDataVault } from '@jejak/personal-data';
import { EVENT_STORE, PG_POOL } from '@jejak/platform';
import type { Pool } from 'pg';

export const DEMO_ENTREPRENEURS = 2_000;

/**
 * `npm start -- --demo`: a first start loads 2,000 demo journeys (the same generator as
 * `npm run seed`); later starts find them and load nothing, so restarting never duplicates data.
 */
export async function loadDemoIfEmpty(app: INestApplication, log: (m: string) => void): Promise<void> {
  const pool = app.get<Pool>(PG_POOL);
  const { rows } = await pool.query(`SELECT EXISTS (SELECT 1 FROM events WHERE event_type = 'Registered') AS loaded`);
  if (rows[0].loaded) return log('demo: entrepreneurs already loaded, nothing added');
  const result = await seedDemo({
    store: app.get<EventStore>(EVENT_STORE),
    vault: app.get(PersonalDataVault),
    nikHasher: app.get(NikHasher),
    regions: await IdnAreaRegionDirectory.load(),
    entrepreneurs: DEMO_ENTREPRENEURS,
  });
  log(`demo: loaded ${result.entrepreneurs} entrepreneurs, ${result.groups} groups, ${result.events} events in ${result.seconds.toFixed(1)} s`);
}
