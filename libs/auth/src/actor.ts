import type { Role } from './roles';

/**
 * Who is calling, from a verified token. `role` is the role this request acts under (the first
 * of the token's roles that the route allows); `kecamatan` lists the region codes (`PP.KK.CC`,
 * or a broader `PP.KK`) the actor may touch, undefined meaning no area limit.
 */
export interface Actor {
  id: string;
  role: Role;
  roles: readonly Role[];
  kecamatan?: readonly string[];
}
