import { CreateIdempotencyKeys1732600000000 } from './1732600000000-create-idempotency-keys';

export const httpMigrations = [CreateIdempotencyKeys1732600000000];
