import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';
import { UnauthorizedError } from './auth.errors';
import type { Role } from './roles';

export const ROLES_KEY = 'jejak:roles';

/** The roles a route (or every route of a controller) allows; the method's list overrides the class's. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** `@CurrentActor() actor: Actor`: the caller, as verified by the auth guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor;
  if (!actor) throw new UnauthorizedError('AUTH.TOKEN_MISSING', 'this route needs an authenticated caller');
  return actor;
});
