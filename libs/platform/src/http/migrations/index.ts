import { CreateIdempotencyKeys1732600001000 } from './1732600001000-create-idempotency-keys';

export const httpMigrations = [CreateIdempotencyKeys1732600001000];
