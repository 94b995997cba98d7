import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@jejak/platform';
import { loadAuthConfig, type LocalAuthConfig } from './auth.config';
import { jose } from './jose';
import { issueLocalToken } from './local-token.issuer';
import { tokenCommand, TokenCommandError } from './token.command';
import { localTokenVerifier } from './token-verifier';

const freshEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ JEJAK_DATA_DIR: mkdtempSync(join(tmpdir(), 'jejak-auth-')), ...extra });
const localConfig = (env: NodeJS.ProcessEnv) => loadAuthConfig(env, env.JEJAK_DATA_DIR as string) as LocalAuthConfig;

describe('npm run token', () => {
  it('prints a token the app accepts, for the role, kecamatan and subject asked for', async () => {
    const env = freshEnv();
    const token = await tokenCommand(['--role', 'caseworker', '--kecamatan', '32.16.01', '--sub', 'siti'], env);
    const actor = await localTokenVerifier(localConfig(env)).verify(token);
    expect(actor).toEqual({ id: 'siti', role: 'caseworker', roles: ['caseworker'], kecamatan: ['32.16.01'] });
    expect(jose.decodeProtectedHeader(token).alg).toBe('EdDSA');
    expect(jose.decodeJwt(token)).toMatchObject({ iss: 'jejak-local', aud: 'jejak' });
  });

  it('creates the signing key once under the data directory, readable only by its owner', async () => {
    const env = freshEnv();
    await tokenCommand(['--role', 'auditor'], env);
    const file = join(env.JEJAK_DATA_DIR as string, 'keys', 'jwt-signing-key.pem');
    const pem = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o077).toBe(0);
    await tokenCommand(['--role', 'admin'], env);
    expect(readFileSync(file, 'utf8')).toBe(pem);
  });

  it('accepts several kecamatan, repeated or comma-separated', async () => {
    const env = freshEnv();
    const token = await tokenCommand(['--role', 'supervisor', '--kecamatan', '32.16.01,32.16.02', '--kecamatan', '32.17'], env);
    expect(jose.decodeJwt(token).kecamatan).toEqual(['32.16.01', '32.16.02', '32.17']);
  });

  it.each([
    [['--role', 'mayor'], /--role must be one of/],
    [[], /--role must be one of/],
    [['--role', 'caseworker', '--kecamatan', 'Cibitung'], /region codes/],
    [['--role', 'caseworker', '--colour', 'red'], /Unknown option/],
    [['--role', 'caseworker', '--ttl', 'forever'], /--ttl/],
  ])('refuses %j with a usage message', async (argv, message) => {
    await expect(tokenCommand(argv, freshEnv())).rejects.toThrow(message);
    await expect(tokenCommand(argv, freshEnv())).rejects.toBeInstanceOf(TokenCommandError);
  });

  it('signs with HS256 when JEJAK_JWT_SECRET is set, and the app verifies it with the same secret', async () => {
    const env = freshEnv({ JEJAK_JWT_SECRET: 'a-secret-of-at-least-thirty-two-bytes!' });
    const token = await tokenCommand(['--role', 'service'], env);
    expect(jose.decodeProtectedHeader(token).alg).toBe('HS256');
    await expect(localTokenVerifier(localConfig(env)).verify(token)).resolves.toMatchObject({ id: 'local-service', role: 'service' });
  });

  it('refuses to mint tokens when the installation uses OIDC', async () => {
    const env = freshEnv({ JEJAK_OIDC_JWKS_URL: 'https://idp.example/jwks', JEJAK_OIDC_ISSUER: 'https://idp.example', JEJAK_OIDC_AUDIENCE: 'jejak' });
    await expect(tokenCommand(['--role', 'caseworker'], env)).rejects.toThrow(/OIDC/);
  });
});

describe('local token verification', () => {
  it('refuses an expired token as expired, and a token of another installation as invalid', async () => {
    const env = freshEnv();
    const verifier = localTokenVerifier(localConfig(env));
    const expired = await issueLocalToken(localConfig(env), { sub: 'a', role: 'caseworker', expiresIn: '-5m' });
    await expect(verifier.verify(expired)).rejects.toMatchObject({ httpStatus: 401, code: 'AUTH.TOKEN_EXPIRED' });
    const foreign = await tokenCommand(['--role', 'caseworker'], freshEnv());
    await expect(verifier.verify(foreign)).rejects.toMatchObject({ httpStatus: 401, code: 'AUTH.TOKEN_INVALID' });
    await expect(verifier.verify('not.a.jwt')).rejects.toMatchObject({ httpStatus: 401, code: 'AUTH.TOKEN_INVALID' });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const env = freshEnv();
    const unsigned = new jose.UnsecuredJWT({ role: 'admin' }).setSubject('eve').setIssuer('jejak-local').setAudience('jejak').setExpirationTime('1h').encode();
    await expect(localTokenVerifier(localConfig(env)).verify(unsigned)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });
});

describe('auth configuration', () => {
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadAuthConfig(env, '/tmp/x');
      return [];
    } catch (e) {
      return (e as ConfigError).problems;
    }
  };

  it('reports every missing OIDC setting at once', () => {
    expect(problemsOf({ JEJAK_OIDC_ISSUER: 'https://idp.example' })).toEqual([
      'JEJAK_OIDC_JWKS_URL is required in OIDC mode',
      'JEJAK_OIDC_AUDIENCE is required in OIDC mode',
    ]);
  });

  it.each([
    [{ JEJAK_JWT_SECRET: 'short' }, /at least 32 bytes/],
    [{ JEJAK_AUTH_MODE: 'ldap' }, /JEJAK_AUTH_MODE/],
    [{ JEJAK_AUTH_MODE: 'oidc', JEJAK_OIDC_JWKS_URL: 'http://idp.example/jwks', JEJAK_OIDC_ISSUER: 'i', JEJAK_OIDC_AUDIENCE: 'a' }, /must be https/],
    [{ JEJAK_OIDC_JWKS_URL: 'not a url', JEJAK_OIDC_ISSUER: 'i', JEJAK_OIDC_AUDIENCE: 'a' }, /not a URL/],
    [{ JEJAK_JWT_PRIVATE_KEY: 'hello' }, /PEM private key/],
  ])('explains %j', (env, message) => {
    expect(problemsOf(env).join('\n')).toMatch(message);
  });
});
