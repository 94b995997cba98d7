import { CallHandler, ExecutionContext, Injectable, NestInterceptor, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import type { JejakRequest } from '../request-context';
import { IdempotencyKeyReusedError, InvalidIdempotencyKeyError, RequestInProgressError } from './idempotency.errors';
import { IdempotencyStore, type IdempotentRequest } from './idempotency.store';
import { requestHash } from './request-hash';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REPLAYED_HEADERS = ['location', 'etag', 'content-location'];
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;
const RETENTION_HOURS = 24;

/**
 * `Idempotency-Key` on any write: the first request with a key acts and its response is kept;
 * a retry with the same key and request gets that response back (with `Idempotent-Replayed`);
 * the same key with another request is refused; a copy arriving while the first still runs gets
 * 409 `REQUEST.IN_PROGRESS`. Keys are per actor and kept 24 hours. A request that fails releases
 * its key, since command handlers append atomically and so a failure has not acted.
 * Handlers must return their body (not write through @Res()) for it to be recorded.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit, OnModuleDestroy {
  private purgeTimer?: NodeJS.Timeout;

  constructor(private readonly store: IdempotencyStore) {}

  onModuleInit(): void {
    const purge = () => void this.store.purgeOlderThan(RETENTION_HOURS).catch(() => undefined);
    purge();
    this.purgeTimer = setInterval(purge, 3_600_000).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<JejakRequest>();
    const key = req.get(IDEMPOTENCY_HEADER);
    if (key === undefined || !WRITES.has(req.method)) return next.handle();
    if (!VALID_KEY.test(key)) return throwError(() => new InvalidIdempotencyKeyError());
    const res = ctx.switchToHttp().getResponse<Response>();
    const request: IdempotentRequest = {
      actorId: req.actor?.id ?? 'anonymous',
      key,
      method: req.method,
      path: req.originalUrl,
      requestHash: requestHash(req.method, req.originalUrl, req.body),
    };
    return from(this.store.begin(request)).pipe(
      mergeMap((begun) => {
        switch (begun.outcome) {
          case 'started':
            return this.act(request, res, next);
          case 'replay':
            res.status(begun.response.status);
            for (const [name, value] of Object.entries(begun.response.headers)) res.setHeader(name, value);
            res.setHeader('Idempotent-Replayed', 'true');
            return of(begun.response.body);
          case 'in_progress':
            return throwError(() => new RequestInProgressError());
          case 'mismatch':
            return throwError(() => new IdempotencyKeyReusedError());
          default: {
            const _exhaustive: never = begun;
            return _exhaustive;
          }
        }
      }),
    );
  }

  private act(request: IdempotentRequest, res: Response, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      // only the handler's own failure releases the key; if recording the response fails the
      // handler has acted, so the key stays in progress and retries are refused, never repeated
      catchError((e: unknown) => from(this.store.abandon(request.actorId, request.key).catch(() => undefined)).pipe(mergeMap(() => throwError(() => e)))),
      mergeMap((body: unknown) => {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = res.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        return from(this.store.complete(request.actorId, request.key, { status: res.statusCode, headers, body })).pipe(mergeMap(() => of(body)));
      }),
    );
  }
}
