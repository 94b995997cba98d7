import { eventStoreMigrations } from '@jejak/event-store';
import { personalDataMigrations } from '@jejak/personal-data';

/** Every lib's migrations, in the order their timestamps give; TypeORM sorts them by timestamp. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const allMigrations: Function[] = [...eventStoreMigrations, ...personalDataMigrations];
