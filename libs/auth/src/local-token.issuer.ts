import { jose } from './jose';
import type { LocalAuthConfig } from './auth.config';
import { loadLocalSigningKey } from './local-signing-key';
import type { Role } from './roles';

export interface LocalTokenClaims {
  sub: string;
  role: Role;
  kecamatan?: readonly string[];
  /** jose time span, e.g. `8h`, `30m`; default 8h (a working day) */
  expiresIn?: string;
}

/** A token the local-mode app accepts; used by `npm run token` and by tests. */
export async function issueLocalToken(config: LocalAuthConfig, claims: LocalTokenClaims): Promise<string> {
  const key = loadLocalSigningKey(config);
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.kecamatan) payload.kecamatan = [...claims.kecamatan];
  return new jose.SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(key.signingKey);
}
