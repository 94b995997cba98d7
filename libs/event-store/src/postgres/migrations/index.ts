import { CreateEventStore1732500000000 } from './1732500000000-create-event-store';
import { AppendMany1732500000001 } from './1732500000001-append-many';

/** In order; each runs once (TypeORM's migrations table), inside its own transaction. */
export const eventStoreMigrations = [CreateEventStore1732500000000, AppendMany1732500000001];
