import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { contextOf, type JejakRequest, type RequestContext } from './request-context';

/** `@Ctx() ctx: RequestContext` in a controller method: correlation id, request id, actor. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => contextOf(ctx.switchToHttp().getRequest<JejakRequest>()));

/** `@CorrelationId() correlationId: string` in a controller method. */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => contextOf(ctx.switchToHttp().getRequest<JejakRequest>()).correlationId);
