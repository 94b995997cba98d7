import { parseArgs } from 'node:util';
import { loadConfig } from '@jejak/platform';
import { loadAuthConfig } from './auth.config';
import { AREA_CODE } from './claims';
import { issueLocalToken } from './local-token.issuer';
import { isRole, ROLES } from './roles';

export const TOKEN_USAGE = `usage: npm run -s token -- --role <${ROLES.join('|')}> [--kecamatan 32.16.01[,32.16.02]] [--sub name] [--ttl 8h]`;

export class TokenCommandError extends Error {}

/**
 * The core of `npm run token`: a token signed with this installation's local key, found through
 * the same environment (JEJAK_DATA_DIR, JEJAK_JWT_*) as the app.
 */
export async function tokenCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { role: { type: 'string' }, kecamatan: { type: 'string', multiple: true }, sub: { type: 'string' }, ttl: { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    throw new TokenCommandError(`${(e as Error).message}\n${TOKEN_USAGE}`);
  }
  if (!isRole(values.role)) throw new TokenCommandError(`--role must be one of ${ROLES.join(', ')}\n${TOKEN_USAGE}`);
  const kecamatan = values.kecamatan?.flatMap((k) => k.split(',')).map((k) => k.trim()).filter(Boolean);
  if (kecamatan?.some((k) => !AREA_CODE.test(k))) throw new TokenCommandError('--kecamatan takes region codes such as 32.16.01');
  if (values.ttl !== undefined && !/^\d+\s?(s|m|h|d)$/.test(values.ttl)) throw new TokenCommandError('--ttl takes a span such as 30m, 8h or 7d');
  const auth = loadAuthConfig(env, loadConfig(env).dataDir);
  if (auth.mode !== 'local') throw new TokenCommandError('Jejak is configured for OIDC: get tokens from the identity provider');
  return issueLocalToken(auth, { sub: values.sub?.trim() || `local-${values.role}`, role: values.role, kecamatan, expiresIn: values.ttl?.replace(/\s/g, '') });
}
