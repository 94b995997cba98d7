import { eventStoreMigrations } from '@jejak/event-store';
import { httpMigrations } from '@jejak/platform';
import { personalDataMigrations } from '@jejak/personal-data';
import { projectionsMigrations } from '@jejak/projections';
import { relayMigrations } from '@jejak/relay';

/** Every lib's migrations, in the order their timestamps give; TypeORM sorts them by timestamp. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const allMigrations: Function[] = [...eventStoreMigrations, ...httpMigrations, ...personalDataMigrations, ...relayMigrations, ...projectionsMigrations];
