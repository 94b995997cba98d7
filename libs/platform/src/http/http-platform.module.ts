import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';

/**
 * The Idempotency-Key interceptor of the HTTP conventions (the request context is a middleware:
 * configureHttp). Needs PlatformModule (PG_POOL) and the `httpMigrations`.
 */
@Module({
  providers: [
    IdempotencyStore,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyStore],
})
export class HttpPlatformModule {}
