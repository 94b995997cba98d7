import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { RequestContextInterceptor } from './request-context.interceptor';

/**
 * Global interceptors of the HTTP conventions, in this order: the request context (correlation
 * id, actor) around everything, then Idempotency-Key. Needs PlatformModule (PG_POOL) and the
 * `httpMigrations`.
 */
@Module({
  providers: [
    IdempotencyStore,
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [IdempotencyStore],
})
export class HttpPlatformModule {}
