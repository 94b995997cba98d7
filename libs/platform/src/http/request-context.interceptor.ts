import { CallHandler, ExecutionContext, Injectable, NestInterceptor, createParamDecorator } from '@nestjs/common';
import { Observable } from 'rxjs';
import { contextOf, runInRequestContext, type JejakRequest, type RequestContext } from './request-context';

/**
 * Runs the handler inside the request's AsyncLocalStorage context. It is entered here, after
 * guards, rather than in the middleware: body parsing resumes on the socket's async context and
 * would lose it, and the actor is only known once the auth guard has run.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const context = contextOf(ctx.switchToHttp().getRequest<JejakRequest>());
    return new Observable((subscriber) => runInRequestContext(context, () => next.handle().subscribe(subscriber)));
  }
}

/** `@Ctx() ctx: RequestContext` in a controller method: correlation id, request id, actor. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => contextOf(ctx.switchToHttp().getRequest<JejakRequest>()));

/** `@CorrelationId() correlationId: string` in a controller method. */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => contextOf(ctx.switchToHttp().getRequest<JejakRequest>()).correlationId);
