/** The roles of api.md. A token may carry several; a request acts under the one its route allows. */
export const ROLES = ['caseworker', 'supervisor', 'auditor', 'admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Roles whose reach a `kecamatan` claim narrows; the others are agency-wide by nature. */
export const AREA_BOUND_ROLES: readonly Role[] = ['caseworker', 'supervisor'];
