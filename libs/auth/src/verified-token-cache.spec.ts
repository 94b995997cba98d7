import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig, type LocalAuthConfig } from './auth.config';
import { jose } from './jose';
import { issueLocalToken } from './local-token.issuer';
import { localTokenVerifier } from './token-verifier';
import { VerifiedTokenCache } from './verified-token-cache';

const config = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-auth-cache-'));
  return loadAuthConfig({ JEJAK_DATA_DIR: dir }, dir) as LocalAuthConfig;
};

/** a clock the test moves; jose is handed the same clock, so expiry is judged on it too */
function testClock(start = Date.now()) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const MINUTE = 60_000;

describe('verified tokens are checked once, then trusted until their time is up', () => {
  it('verifies a token once: the next requests with it take it from the cache', async () => {
    const cfg = config();
    const clock = testClock();
    const cache = new VerifiedTokenCache({ now: clock.now });
    const put = jest.spyOn(cache, 'put');
    const verifier = localTokenVerifier(cfg, cache);
    const token = await issueLocalToken(cfg, { sub: 'siti', role: 'caseworker', kecamatan: ['32.16.01'] });
    const first = await verifier.verify(token);
    clock.advance(MINUTE);
    const second = await verifier.verify(token);
    expect(second).toEqual(first);
    expect(first).toEqual({ id: 'siti', role: 'caseworker', roles: ['caseworker'], kecamatan: ['32.16.01'] });
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('refuses a cached token once it has expired, exactly as jose does (30 s clock tolerance)', async () => {
    const cfg = config();
    const clock = testClock();
    const verifier = localTokenVerifier(cfg, new VerifiedTokenCache({ now: clock.now, maxAgeMs: 60 * MINUTE }));
    const token = await issueLocalToken(cfg, { sub: 'siti', role: 'caseworker', expiresIn: '10m' });
    const exp = (jose.decodeJwt(token).exp as number) * 1000;
    await verifier.verify(token);
    clock.advance(exp + 29_000 - clock.now());
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'siti' });
    clock.advance(2_000);
    await expect(verifier.verify(token)).rejects.toMatchObject({ httpStatus: 401, code: 'AUTH.TOKEN_EXPIRED' });
  });

  it('checks the signature again after the maximum age, even for a token that lives longer', async () => {
    const cfg = config();
    const clock = testClock();
    const cache = new VerifiedTokenCache({ now: clock.now, maxAgeMs: 5 * MINUTE });
    const put = jest.spyOn(cache, 'put');
    const verifier = localTokenVerifier(cfg, cache);
    const token = await issueLocalToken(cfg, { sub: 'siti', role: 'supervisor', expiresIn: '8h' });
    await verifier.verify(token);
    clock.advance(5 * MINUTE - 1);
    await verifier.verify(token);
    expect(put).toHaveBeenCalledTimes(1);
    clock.advance(2);
    await verifier.verify(token);
    expect(put).toHaveBeenCalledTimes(2);
  });

  it('never keeps a refused token: each attempt is verified and refused again', async () => {
    const cfg = config();
    const cache = new VerifiedTokenCache();
    const verifier = localTokenVerifier(cfg, cache);
    const token = await issueLocalToken(cfg, { sub: 'siti', role: 'caseworker' });
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.alloc(64, 1).toString('base64url')}`;
    for (let i = 0; i < 2; i++) await expect(verifier.verify(forged)).rejects.toMatchObject({ httpStatus: 401, code: 'AUTH.TOKEN_INVALID' });
    // a token signed by another installation's key is refused too, and not kept
    const other = await issueLocalToken(config(), { sub: 'siti', role: 'admin' });
    await expect(verifier.verify(other)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    expect(cache.size).toBe(0);
  });

  it('a forged token that differs from a cached one in any byte is not served from the cache', async () => {
    const cfg = config();
    const verifier = localTokenVerifier(cfg);
    const token = await issueLocalToken(cfg, { sub: 'siti', role: 'caseworker', kecamatan: ['32.16.01'] });
    await verifier.verify(token);
    const [, payload, signature] = token.split('.');
    const claims = { ...jose.decodeJwt(token), role: 'admin' };
    const lifted = `${token.split('.')[0]}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(lifted.split('.')[1]).not.toBe(payload);
    await expect(verifier.verify(lifted)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('holds at most maxEntries tokens, dropping the oldest', async () => {
    const cfg = config();
    const cache = new VerifiedTokenCache({ maxEntries: 2 });
    const put = jest.spyOn(cache, 'put');
    const verifier = localTokenVerifier(cfg, cache);
    const tokens = await Promise.all(['a', 'b', 'c'].map((sub) => issueLocalToken(cfg, { sub, role: 'caseworker' })));
    for (const t of tokens) await verifier.verify(t);
    expect(cache.size).toBe(2);
    // 'b' and 'c' are kept; 'a' was dropped and is verified again
    await verifier.verify(tokens[2]);
    expect(put).toHaveBeenCalledTimes(3);
    await verifier.verify(tokens[0]);
    expect(put).toHaveBeenCalledTimes(4);
    expect(cache.size).toBe(2);
  });
});
