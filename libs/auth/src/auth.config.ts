import { join } from 'node:path';
import { ConfigError } from '@jejak/platform';

export const LOCAL_ISSUER = 'jejak-local';
export const LOCAL_AUDIENCE = 'jejak';

/** Embedded default: tokens signed with a key of this installation (`npm run token`). */
export interface LocalAuthConfig {
  mode: 'local';
  issuer: typeof LOCAL_ISSUER;
  audience: typeof LOCAL_AUDIENCE;
  /** PEM private key (Ed25519, P-256/384 or RSA) from JEJAK_JWT_PRIVATE_KEY */
  privateKeyPem?: string;
  /** shared secret (HS256) from JEJAK_JWT_SECRET */
  secret?: string;
  /** where the generated Ed25519 key lives when neither is given */
  keyFile: string;
}

/** Production: tokens of the agency's OpenID Connect provider. */
export interface OidcAuthConfig {
  mode: 'oidc';
  jwksUrl: URL;
  issuer: string;
  audience: string;
  /** dotted path of the role claim (`realm_access.roles`); undefined: `role`, else `roles` */
  roleClaim?: string;
  kecamatanClaim: string;
  algorithms?: string[];
}

export type AuthConfig = LocalAuthConfig | OidcAuthConfig;

const OIDC_VARS = ['JEJAK_OIDC_JWKS_URL', 'JEJAK_OIDC_ISSUER', 'JEJAK_OIDC_AUDIENCE'] as const;

function oidcConfig(env: NodeJS.ProcessEnv, problems: string[]): OidcAuthConfig {
  for (const name of OIDC_VARS) if (!env[name]?.trim()) problems.push(`${name} is required in OIDC mode`);
  for (const name of ['JEJAK_JWT_SECRET', 'JEJAK_JWT_PRIVATE_KEY'])
    if (env[name]?.trim()) problems.push(`${name} has no effect in OIDC mode (tokens come from the provider); unset it`);
  let jwksUrl = new URL('http://invalid');
  const rawUrl = env.JEJAK_OIDC_JWKS_URL?.trim();
  if (rawUrl) {
    try {
      jwksUrl = new URL(rawUrl);
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(jwksUrl.hostname);
      if (jwksUrl.protocol !== 'https:' && !(jwksUrl.protocol === 'http:' && loopback))
        problems.push('JEJAK_OIDC_JWKS_URL must be https:// (plain http only for localhost)');
    } catch {
      problems.push(`JEJAK_OIDC_JWKS_URL is not a URL: "${rawUrl}"`);
    }
  }
  const algorithms = env.JEJAK_OIDC_ALGORITHMS?.split(',').map((a) => a.trim()).filter(Boolean);
  if (algorithms?.some((a) => a === 'none' || a.startsWith('HS')))
    problems.push('JEJAK_OIDC_ALGORITHMS must list asymmetric algorithms (RS256, ES256, EdDSA, ...)');
  return {
    mode: 'oidc',
    jwksUrl,
    issuer: env.JEJAK_OIDC_ISSUER?.trim() ?? '',
    audience: env.JEJAK_OIDC_AUDIENCE?.trim() ?? '',
    roleClaim: env.JEJAK_OIDC_ROLE_CLAIM?.trim() || undefined,
    kecamatanClaim: env.JEJAK_OIDC_KECAMATAN_CLAIM?.trim() || 'kecamatan',
    algorithms: algorithms?.length ? algorithms : undefined,
  };
}

function localConfig(env: NodeJS.ProcessEnv, dataDir: string, problems: string[]): LocalAuthConfig {
  const secret = env.JEJAK_JWT_SECRET || undefined;
  // PEM in one environment line usually arrives with literal \n
  const privateKeyPem = env.JEJAK_JWT_PRIVATE_KEY?.trim().replace(/\\n/g, '\n') || undefined;
  if (secret && privateKeyPem) problems.push('set JEJAK_JWT_SECRET or JEJAK_JWT_PRIVATE_KEY, not both');
  if (secret !== undefined && Buffer.byteLength(secret) < 32) problems.push('JEJAK_JWT_SECRET must be at least 32 bytes (HS256)');
  if (privateKeyPem && !privateKeyPem.includes('PRIVATE KEY-----')) problems.push('JEJAK_JWT_PRIVATE_KEY must be a PEM private key (PKCS#8)');
  return { mode: 'local', issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, secret, privateKeyPem, keyFile: join(dataDir, 'keys', 'jwt-signing-key.pem') };
}

/**
 * Auth settings from the environment. `JEJAK_AUTH_MODE` = `local` | `oidc`; when unset, any
 * `JEJAK_OIDC_*` variable selects OIDC. Problems are reported together, as for the rest of the
 * configuration.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv, dataDir: string): AuthConfig {
  const problems: string[] = [];
  const explicit = env.JEJAK_AUTH_MODE?.trim();
  if (explicit && explicit !== 'local' && explicit !== 'oidc') problems.push(`JEJAK_AUTH_MODE must be "local" or "oidc", got "${explicit}"`);
  const oidc = explicit ? explicit === 'oidc' : Object.keys(env).some((k) => k.startsWith('JEJAK_OIDC_') && env[k]?.trim());
  const config = oidc ? oidcConfig(env, problems) : localConfig(env, dataDir, problems);
  if (problems.length) throw new ConfigError(problems);
  return config;
}
