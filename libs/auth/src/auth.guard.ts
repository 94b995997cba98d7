import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE_KEY } from '@jejak/platform';
import type { Actor } from './actor';
import { ForbiddenError, UnauthorizedError } from './auth.errors';
import { ROLES_KEY } from './roles.decorator';
import type { Role } from './roles';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`; `@Roles(...)`
 * narrows who may call it. A route without `@Roles` admits any authenticated role.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; actor?: Actor }>();
    const header = req.headers.authorization;
    if (header === undefined || header === '') throw new UnauthorizedError('AUTH.TOKEN_MISSING', 'this request needs a bearer token (Authorization: Bearer ...)');
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (!token) throw new UnauthorizedError('AUTH.TOKEN_INVALID', 'the Authorization header must be "Bearer <token>"', { reason: 'header' });
    const actor = await this.verifier.verify(token);
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const role = allowed ? actor.roles.find((r) => allowed.includes(r)) : actor.role;
    if (!role)
      throw new ForbiddenError(
        'AUTH.ROLE_FORBIDDEN',
        `this needs one of the roles ${allowed?.join(', ')}; the token has ${actor.roles.join(', ')}`,
        { roles: actor.roles, allowed },
      );
    req.actor = { ...actor, role };
    return true;
  }
}
