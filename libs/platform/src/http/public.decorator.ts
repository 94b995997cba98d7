import { SetMetadata } from '@nestjs/common';

/**
 * Routes open to callers without a token (/health, /metrics, /docs/asyncapi). The key lives in
 * platform so platform's own controllers can use it; the auth guard (libs/auth) reads it.
 */
export const PUBLIC_ROUTE_KEY = 'jejak:public-route';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE_KEY, true);
