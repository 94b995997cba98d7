import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module, Param, Post } from '@nestjs/common';
import { currentRequestContext } from '@jejak/platform';
import type { Pool } from 'pg';
import { startHttpTestApp, type HttpTestApp } from '../../platform/src/http/testing/start-http-test-app';
import type { Actor } from './actor';
import { loadAuthConfig, type LocalAuthConfig } from './auth.config';
import { AuthModule } from './auth.module';
import { assertKecamatanAccess } from './kecamatan-access';
import { issueLocalToken } from './local-token.issuer';
import { CurrentActor, Roles } from './roles.decorator';
import { tokenCommand } from './token.command';

@Roles('caseworker', 'supervisor')
@Controller('cases')
class CasesController {
  @Post('in/:regionCode')
  write(@Param('regionCode') regionCode: string, @CurrentActor() actor: Actor) {
    assertKecamatanAccess(actor, regionCode);
    return { actor, context: currentRequestContext() };
  }

  @Roles('auditor')
  @Get('audit')
  audit(@CurrentActor() actor: Actor) {
    return actor;
  }
}

@Module({ controllers: [CasesController] })
class CasesModule {}

describe('who may call: bearer tokens, roles and kecamatan', () => {
  const env = { JEJAK_DATA_DIR: mkdtempSync(join(tmpdir(), 'jejak-auth-http-')) };
  let app: HttpTestApp;
  let pool: Pool;
  const token = (...args: string[]) => tokenCommand(args, env);
  const call = (method: string, path: string, bearer?: string, extra: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(bearer && { Authorization: `Bearer ${bearer}` }), ...extra },
      body: method === 'POST' ? JSON.stringify({ name: 'Warung Bu Siti', count: 1 }) : undefined,
    });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions
  const json = (res: Response): Promise<any> => res.json();

  beforeAll(async () => {
    app = await startHttpTestApp([AuthModule.forRoot({ dataDir: env.JEJAK_DATA_DIR, env }), CasesModule]);
    pool = app.database.pool(2);
  });
  afterAll(() => app.close());

  describe('401 without a usable token', () => {
    it('asks for a token when there is none', async () => {
      const res = await call('POST', '/things');
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="jejak"');
      expect(await json(res)).toMatchObject({ code: 'AUTH.TOKEN_MISSING', detail: expect.stringContaining('memerlukan token') });
    });

    it.each([
      ['a garbage token', { Authorization: 'Bearer not-a-token' }],
      ['another scheme', { Authorization: 'Basic c2l0aTpyYWhhc2lh' }],
    ])('refuses %s', async (_what, headers) => {
      const res = await call('POST', '/things', undefined, headers);
      expect(res.status).toBe(401);
      expect(await json(res)).toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    });

    it('says when the token has expired', async () => {
      const config = loadAuthConfig(env, env.JEJAK_DATA_DIR) as LocalAuthConfig;
      const expired = await issueLocalToken(config, { sub: 'siti', role: 'caseworker', expiresIn: '-1h' });
      const res = await call('POST', '/things', expired, { 'Accept-Language': 'en' });
      expect(res.status).toBe(401);
      expect(await json(res)).toMatchObject({ code: 'AUTH.TOKEN_EXPIRED', detail: 'the token has expired' });
    });

    it('writes nothing for a refused caller', async () => {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM events');
      expect(rows[0].n).toBe(0);
    });
  });

  it('leaves /health, /metrics and @Public routes open', async () => {
    expect((await call('GET', '/health')).status).toBe(200);
    expect((await call('GET', '/metrics')).status).toBe(200);
    expect((await call('GET', '/things/public/ping')).status).toBe(200);
  });

  it('admits any role to a route without @Roles', async () => {
    expect((await call('POST', '/things', await token('--role', 'service'))).status).toBe(201);
  });

  describe('403 for a role or kecamatan outside the token', () => {
    it('refuses an auditor on a caseworker route, and a caseworker on an auditor route', async () => {
      const auditor = await call('POST', '/cases/in/32.16.01', await token('--role', 'auditor'));
      expect(auditor.status).toBe(403);
      expect(await json(auditor)).toMatchObject({ code: 'AUTH.ROLE_FORBIDDEN' });
      expect((await call('GET', '/cases/audit', await token('--role', 'caseworker'))).status).toBe(403);
      expect((await call('GET', '/cases/audit', await token('--role', 'auditor'))).status).toBe(200);
    });

    it('lets a caseworker work in their kecamatan and refuses a region outside it', async () => {
      const siti = await token('--role', 'caseworker', '--kecamatan', '32.16.01', '--sub', 'siti');
      const inside = await call('POST', '/cases/in/32.16.01.2004', siti);
      expect(inside.status).toBe(201);
      const outside = await call('POST', '/cases/in/32.16.02', siti);
      expect(outside.status).toBe(403);
      expect(await json(outside)).toMatchObject({ code: 'AUTH.KECAMATAN_FORBIDDEN' });
    });
  });

  it('hands handlers the actor and the correlation id', async () => {
    const res = await call('POST', '/cases/in/32.16.01', await token('--role', 'supervisor', '--sub', 'budi'), { 'X-Correlation-Id': 'visit-42' });
    expect(await json(res)).toMatchObject({
      actor: { id: 'budi', role: 'supervisor', roles: ['supervisor'] },
      context: { correlationId: 'visit-42', actor: { id: 'budi', role: 'supervisor' } },
    });
  });

  it('keeps Idempotency-Keys apart per actor: two caseworkers using the same key both act', async () => {
    const before = (await pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    const headers = { 'Idempotency-Key': 'form-1' };
    const a = await call('POST', '/things', await token('--role', 'caseworker', '--sub', 'siti'), headers);
    const b = await call('POST', '/things', await token('--role', 'caseworker', '--sub', 'budi'), headers);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await json(a)).id).not.toBe((await json(b)).id);
    expect((await pool.query('SELECT count(*)::int AS n FROM events')).rows[0].n).toBe(before + 2);
  });
});
