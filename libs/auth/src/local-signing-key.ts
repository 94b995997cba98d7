import { createPrivateKey, createPublicKey, createSecretKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError, makePrivateDir } from '@jejak/platform';
import type { LocalAuthConfig } from './auth.config';

export interface LocalSigningKey {
  alg: 'EdDSA' | 'ES256' | 'ES384' | 'RS256' | 'HS256';
  signingKey: KeyObject;
  verificationKey: KeyObject;
}

function algorithmOf(key: KeyObject): LocalSigningKey['alg'] {
  const details = key.asymmetricKeyDetails;
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'EdDSA';
    case 'ec':
      if (details?.namedCurve === 'prime256v1') return 'ES256';
      if (details?.namedCurve === 'secp384r1') return 'ES384';
      break;
    case 'rsa':
      if ((details?.modulusLength ?? 0) >= 2048) return 'RS256';
      break;
  }
  throw new ConfigError([`JEJAK_JWT_PRIVATE_KEY: unsupported key (${key.asymmetricKeyType}); use Ed25519, P-256, P-384 or RSA >= 2048`]);
}

/**
 * The generated key is written to a temporary file and hard-linked into place: linking fails if
 * another process (a second worker, `npm run token`) got there first, and then both use its key.
 */
function readOrCreatePem(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  makePrivateDir(dirname(file));
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, pem, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(file, 'utf8');
}

/** The local signing key: the configured secret or PEM, else the one generated on first start. */
export function loadLocalSigningKey(config: LocalAuthConfig): LocalSigningKey {
  if (config.secret) {
    const key = createSecretKey(Buffer.from(config.secret, 'utf8'));
    return { alg: 'HS256', signingKey: key, verificationKey: key };
  }
  const pem = config.privateKeyPem ?? readOrCreatePem(config.keyFile);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (e) {
    const where = config.privateKeyPem ? 'JEJAK_JWT_PRIVATE_KEY' : config.keyFile;
    throw new ConfigError([`${where}: not a readable private key (${(e as Error).message})`]);
  }
  return { alg: algorithmOf(privateKey), signingKey: privateKey, verificationKey: createPublicKey(privateKey) };
}
