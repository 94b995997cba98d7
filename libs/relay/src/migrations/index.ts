import { CreateRelayCheckpoints1733000000000 } from './1733000000000-create-relay-checkpoints';

export const relayMigrations = [CreateRelayCheckpoints1733000000000];
