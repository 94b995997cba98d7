import { createHash, hkdfSync, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, makePrivateDir } from '@jejak/platform';
import { KEY_BYTES } from '../crypto/aes-gcm';

export interface PersonalDataSecrets {
  masterKey: Buffer;
  /** short public fingerprint of the master key, stored beside what it wraps */
  masterKeyId: string;
  nikHmacKey: Buffer;
  /** short public fingerprint of the NIK HMAC key: a database remembers which key its NIK claims were made with */
  nikKeyId: string;
  /** where the master key came from, for the start-up log (never the key itself) */
  source: 'environment' | 'generated' | 'file';
  keyFile?: string;
}

export interface SecretSources {
  /** base64 of 32 bytes (JEJAK_MASTER_KEY) */
  masterKey?: string;
  /** base64 of at least 32 bytes (JEJAK_NIK_HMAC_KEY); derived from the master key when absent */
  nikHmacKey?: string;
  dataDir: string;
  log?: (message: string) => void;
}

/** A bad key setting: a ConfigError, so start-up reports it like any other setting, without a stack. */
export class PersonalDataConfigError extends ConfigError {
  override readonly name = 'PersonalDataConfigError';
  constructor(problem: string) {
    super([problem]);
  }
}

/**
 * The master key comes from configuration; without it (the embedded single-machine setup) one is
 * generated on first start into `<dataDir>/keys/master.key` (mode 0600) and reused afterwards.
 * Losing that file makes every person's data unreadable, exactly like erasing everyone: back it
 * up with the database. A mismatch with what the database holds is caught at start-up
 * (PersonalDataVault.verifyKeys), so a second process with another key cannot write.
 */
export function resolveSecrets(sources: SecretSources): PersonalDataSecrets {
  const fromEnv = sources.masterKey?.trim();
  const master = fromEnv
    ? { key: decodeKey('JEJAK_MASTER_KEY', fromEnv, KEY_BYTES, KEY_BYTES), source: 'environment' as const }
    : loadOrGenerate(join(sources.dataDir, 'keys', 'master.key'), sources.log);
  const hmacRaw = sources.nikHmacKey?.trim();
  const nikHmacKey = hmacRaw ? decodeKey('JEJAK_NIK_HMAC_KEY', hmacRaw, 32, 64) : undefined;
  return { ...secretsOf(master.key, nikHmacKey), source: master.source, keyFile: 'file' in master ? master.file : undefined };
}

/** The keys and their fingerprints from a master key (and a NIK HMAC key, derived from the master key when absent). */
export function secretsOf(masterKey: Buffer, nikHmacKey: Buffer = deriveNikKey(masterKey)): Omit<PersonalDataSecrets, 'source' | 'keyFile'> {
  return { masterKey, masterKeyId: keyId(masterKey), nikHmacKey, nikKeyId: nikKeyId(nikHmacKey) };
}

export function keyId(masterKey: Buffer): string {
  return createHash('sha256').update('jejak-master-key-id').update(masterKey).digest('hex').slice(0, 16);
}

export function nikKeyId(nikHmacKey: Buffer): string {
  return createHash('sha256').update('jejak-nik-key-id').update(nikHmacKey).digest('hex').slice(0, 16);
}

/** A separate key for the NIK HMAC, so the master key itself never touches the uniqueness index. */
function deriveNikKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'jejak nik hmac v1', 32));
}

function decodeKey(name: string, raw: string, min: number, max: number): Buffer {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) throw new PersonalDataConfigError(`${name} must be base64 (e.g. \`openssl rand -base64 32\`)`);
  const key = Buffer.from(raw, 'base64');
  if (key.length < min || key.length > max)
    throw new PersonalDataConfigError(`${name} must decode to ${min === max ? min : `${min}-${max}`} bytes, got ${key.length}`);
  return key;
}

function loadOrGenerate(file: string, log?: (m: string) => void): { key: Buffer; source: 'generated' | 'file'; file: string } {
  makePrivateDir(join(file, '..'));
  const fresh = randomBytes(KEY_BYTES).toString('base64');
  // Written aside, then hard-linked into place: link() is atomic and fails when the file exists,
  // so two processes starting together end up with one key and nobody reads a half-written file.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(temp, file);
    log?.(`generated a new master key for personal data at ${file}: back it up with the database`);
    return { key: Buffer.from(fresh, 'base64'), source: 'generated', file };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(temp);
  }
  return { key: decodeKey(file, readFileSync(file, 'utf8').trim(), KEY_BYTES, KEY_BYTES), source: 'file', file };
}
