import { CreateEventStore1732500000000 } from './1732500000000-create-event-store';

/** In order; each runs once (TypeORM's migrations table), inside its own transaction. */
export const eventStoreMigrations = [CreateEventStore1732500000000];
