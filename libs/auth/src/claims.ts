import type { JWTPayload } from './jose';
import type { Actor } from './actor';
import { ForbiddenError, UnauthorizedError } from './auth.errors';
import { isRole, ROLES, type Role } from './roles';

export interface ClaimNames {
  /** dotted path; undefined reads `role`, then `roles` */
  role?: string;
  kecamatan: string;
}

/** What a `kecamatan` claim may list: a province, regency or kecamatan code (32, 32.16 or 32.16.01). */
export const AREA_CODE = /^\d{2}(\.\d{2}){0,2}$/;

function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), payload);
}

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return ['\u0000invalid'];
}

/**
 * The actor of a verified token. Unknown roles are ignored (the provider may carry roles of other
 * applications); a token with none of ours is refused with 403. An unreadable `kecamatan` claim is
 * refused rather than ignored, since ignoring it would widen the actor's reach.
 */
export function actorFromClaims(payload: JWTPayload, names: ClaimNames): Actor {
  const id = payload.sub;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 200) throw new UnauthorizedError('AUTH.TOKEN_INVALID', 'the token has no usable subject (sub)', { reason: 'subject' });
  const rawRoles = names.role ? claimAt(payload, names.role) : (payload.role ?? payload.roles);
  const roles = [...new Set((stringList(rawRoles) ?? []).filter(isRole))] as Role[];
  if (roles.length === 0)
    throw new ForbiddenError('AUTH.NO_ROLE', `the token carries none of the roles ${ROLES.join(', ')}`, { known: ROLES });
  const kecamatan = stringList(claimAt(payload, names.kecamatan));
  if (kecamatan?.some((code) => !AREA_CODE.test(code)))
    throw new UnauthorizedError('AUTH.TOKEN_INVALID', `the ${names.kecamatan} claim must list region codes such as 32.16.01`, { reason: 'area', claim: names.kecamatan });
  return kecamatan === undefined ? { id, role: roles[0], roles } : { id, role: roles[0], roles, kecamatan };
}
