import type { Actor } from './actor';
import { ForbiddenError } from './auth.errors';
import { AREA_BOUND_ROLES } from './roles';

/**
 * The area codes that limit this actor, or undefined for no limit. Read models use it to filter
 * lists; a code covers itself and everything under it (`32.16` covers `32.16.01.2001`).
 */
export function areaOf(actor: Actor): readonly string[] | undefined {
  return AREA_BOUND_ROLES.includes(actor.role) ? actor.kecamatan : undefined;
}

export function canAccessRegion(actor: Actor, regionCode: string): boolean {
  const area = areaOf(actor);
  if (area === undefined) return true;
  return area.some((code) => regionCode === code || regionCode.startsWith(`${code}.`));
}

/** 403 `AUTH.KECAMATAN_FORBIDDEN` when a caseworker or supervisor touches a region outside their token. */
export function assertKecamatanAccess(actor: Actor, regionCode: string): void {
  if (canAccessRegion(actor, regionCode)) return;
  throw new ForbiddenError(
    'AUTH.KECAMATAN_FORBIDDEN',
    `region ${regionCode} is outside your area (${(actor.kecamatan ?? []).join(', ') || 'none'})`,
    { regionCode, area: actor.kecamatan ?? [] },
  );
}
