import type { Actor } from './actor';
import type { AuthConfig, LocalAuthConfig, OidcAuthConfig } from './auth.config';
import { AuthProviderUnavailableError, UnauthorizedError } from './auth.errors';
import { actorFromClaims } from './claims';
import { jose, type JWTPayload } from './jose';
import { loadLocalSigningKey } from './local-signing-key';
import { VerifiedTokenCache } from './verified-token-cache';

const { createRemoteJWKSet, errors, jwtVerify } = jose;

/** Turns a bearer token into an actor, or throws 401/403/503 problems. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

const CLOCK_TOLERANCE_SECONDS = 30;

function refusal(e: unknown): Error {
  if (e instanceof errors.JWTExpired) return new UnauthorizedError('AUTH.TOKEN_EXPIRED', 'the token has expired');
  if (e instanceof errors.JWKSTimeout) return new AuthProviderUnavailableError();
  if (e instanceof errors.JOSEError) return new UnauthorizedError('AUTH.TOKEN_INVALID', `the token was refused (${e.code})`, { reason: 'refused', cause: e.code });
  // anything else comes from fetching the provider's keys (network, DNS, TLS)
  return new AuthProviderUnavailableError();
}

type VerifyOptions = Parameters<typeof jwtVerify>[2];

/**
 * The payload of a token: from the cache when it was verified before and is still within its
 * time, else checked by jose (on the cache's clock) and kept.
 */
async function verified(token: string, cache: VerifiedTokenCache, check: (options: VerifyOptions) => Promise<{ payload: JWTPayload }>, options: VerifyOptions): Promise<JWTPayload> {
  const known = cache.get(token);
  if (known) return known;
  try {
    const { payload } = await check({ ...options, currentDate: new Date(cache.now()) });
    return cache.put(token, payload, CLOCK_TOLERANCE_SECONDS);
  } catch (e) {
    throw refusal(e);
  }
}

export function localTokenVerifier(config: LocalAuthConfig, cache = new VerifiedTokenCache()): TokenVerifier {
  const key = loadLocalSigningKey(config);
  const options = { issuer: config.issuer, audience: config.audience, algorithms: [key.alg], requiredClaims: ['sub', 'exp'], clockTolerance: CLOCK_TOLERANCE_SECONDS };
  return {
    async verify(token) {
      const payload = await verified(token, cache, (o) => jwtVerify(token, key.verificationKey, o), options);
      return actorFromClaims(payload, { kecamatan: 'kecamatan' });
    },
  };
}

/**
 * Keys come from the provider's JWKS, cached and refetched by jose when an unknown `kid` appears.
 * A verified token is trusted for at most five minutes before its signature is checked again.
 */
export function oidcTokenVerifier(config: OidcAuthConfig, cache = new VerifiedTokenCache()): TokenVerifier {
  const jwks = createRemoteJWKSet(config.jwksUrl, { timeoutDuration: 5000, cooldownDuration: 30_000 });
  const options = { issuer: config.issuer, audience: config.audience, algorithms: config.algorithms, requiredClaims: ['sub', 'exp'], clockTolerance: CLOCK_TOLERANCE_SECONDS };
  return {
    async verify(token) {
      const payload = await verified(token, cache, (o) => jwtVerify(token, jwks, o), options);
      return actorFromClaims(payload, { role: config.roleClaim, kecamatan: config.kecamatanClaim });
    },
  };
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  switch (config.mode) {
    case 'local':
      return localTokenVerifier(config);
    case 'oidc':
      return oidcTokenVerifier(config);
    default: {
      const _exhaustive: never = config;
      return _exhaustive;
    }
  }
}
