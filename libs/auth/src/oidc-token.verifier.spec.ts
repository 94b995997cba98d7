import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAuthConfig, type OidcAuthConfig } from './auth.config';
import { jose, type Jose } from './jose';

type SigningKey = Parameters<InstanceType<Jose['SignJWT']>['sign']>[0];
import { oidcTokenVerifier } from './token-verifier';

/** A stand-in identity provider: a real key pair and its JWKS served over HTTP. */
async function identityProvider() {
  const { privateKey, publicKey } = await jose.generateKeyPair('RS256');
  const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests++;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/disnaker/protocol/openid-connect/certs`;
  const sign = (claims: Record<string, unknown>, opts: { issuer?: string; audience?: string; key?: SigningKey; kid?: string } = {}) =>
    new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'idp-key-1' })
      .setSubject('siti@disnaker.go.id')
      .setIssuer(opts.issuer ?? 'https://sso.disnaker.go.id/realms/disnaker')
      .setAudience(opts.audience ?? 'jejak-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(opts.key ?? privateKey);
  return { url, sign, requests: () => requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('OIDC mode: tokens of the agency identity provider', () => {
  let idp: Awaited<ReturnType<typeof identityProvider>>;
  let config: OidcAuthConfig;
  beforeAll(async () => {
    idp = await identityProvider();
    config = loadAuthConfig(
      {
        JEJAK_OIDC_JWKS_URL: idp.url,
        JEJAK_OIDC_ISSUER: 'https://sso.disnaker.go.id/realms/disnaker',
        JEJAK_OIDC_AUDIENCE: 'jejak-api',
        JEJAK_OIDC_ROLE_CLAIM: 'realm_access.roles',
      },
      '/unused',
    ) as OidcAuthConfig;
  });
  afterAll(() => idp.close());

  it('accepts a token signed with the provider key and reads roles from the configured claim', async () => {
    const token = await idp.sign({ realm_access: { roles: ['offline_access', 'supervisor'] }, kecamatan: ['32.16.01', '32.16.02'] });
    const actor = await oidcTokenVerifier(config).verify(token);
    expect(actor).toEqual({ id: 'siti@disnaker.go.id', role: 'supervisor', roles: ['supervisor'], kecamatan: ['32.16.01', '32.16.02'] });
  });

  it('fetches the key set once and reuses it', async () => {
    const verifier = oidcTokenVerifier(config);
    const before = idp.requests();
    for (let i = 0; i < 3; i++) await verifier.verify(await idp.sign({ realm_access: { roles: ['auditor'] } }));
    expect(idp.requests() - before).toBe(1);
  });

  it.each([
    ['another audience', { audience: 'some-other-app' }],
    ['another issuer', { issuer: 'https://evil.example' }],
  ])('refuses a token for %s with 401', async (_what, opts) => {
    const token = await idp.sign({ realm_access: { roles: ['caseworker'] } }, opts);
    await expect(oidcTokenVerifier(config).verify(token)).rejects.toMatchObject({ httpStatus: 401, code: 'AUTH.TOKEN_INVALID' });
  });

  it('refuses a token signed with a key the provider does not publish', async () => {
    const { privateKey } = await jose.generateKeyPair('RS256');
    const token = await idp.sign({ realm_access: { roles: ['admin'] } }, { key: privateKey, kid: 'attacker' });
    await expect(oidcTokenVerifier(config).verify(token)).rejects.toMatchObject({ httpStatus: 401, code: 'AUTH.TOKEN_INVALID' });
  });

  it('answers 403 for a valid token that carries none of the Jejak roles', async () => {
    const token = await idp.sign({ realm_access: { roles: ['offline_access'] } });
    await expect(oidcTokenVerifier(config).verify(token)).rejects.toMatchObject({ httpStatus: 403, code: 'AUTH.NO_ROLE' });
  });

  it('answers 503 when the provider cannot be reached, rather than calling the token bad', async () => {
    const down = { ...config, jwksUrl: new URL('http://127.0.0.1:9/certs') };
    const token = await idp.sign({ realm_access: { roles: ['caseworker'] } });
    await expect(oidcTokenVerifier(down).verify(token)).rejects.toMatchObject({ httpStatus: 503, code: 'AUTH.PROVIDER_UNAVAILABLE' });
  });
});
