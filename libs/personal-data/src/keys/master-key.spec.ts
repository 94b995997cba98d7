import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@jejak/platform';
import { NikHasher } from '../nik-hasher';
import { PersonalDataConfigError, resolveSecrets } from './master-key';

const tempDir = () => mkdtempSync(join(tmpdir(), 'jejak-keys-'));

describe('master key from configuration', () => {
  it('takes JEJAK_MASTER_KEY as base64 of 32 bytes', () => {
    const key = randomBytes(32);
    const s = resolveSecrets({ masterKey: key.toString('base64'), dataDir: tempDir() });
    expect(s.masterKey.equals(key)).toBe(true);
    expect(s.source).toBe('environment');
  });

  it.each([['not base64!'], [randomBytes(16).toString('base64')], [randomBytes(33).toString('base64')]])('refuses a malformed key %s', (bad) => {
    expect(() => resolveSecrets({ masterKey: bad, dataDir: tempDir() })).toThrow(PersonalDataConfigError);
    expect(() => resolveSecrets({ masterKey: bad, dataDir: tempDir() })).toThrow(ConfigError);
  });

  it('without one, generates a key file readable only by its owner on first start and reuses it after', () => {
    const dir = tempDir();
    const first = resolveSecrets({ dataDir: dir });
    const file = join(dir, 'keys', 'master.key');
    expect(first.source).toBe('generated');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.masterKey.toString('base64'));
    const again = resolveSecrets({ dataDir: dir });
    expect(again.source).toBe('file');
    expect(again.masterKey.equals(first.masterKey)).toBe(true);
    expect(again.masterKeyId).toBe(first.masterKeyId);
  });

  it('derives a separate, stable NIK HMAC key unless one is configured', () => {
    const master = randomBytes(32).toString('base64');
    const a = resolveSecrets({ masterKey: master, dataDir: tempDir() });
    const b = resolveSecrets({ masterKey: master, dataDir: tempDir() });
    expect(a.nikHmacKey.equals(b.nikHmacKey)).toBe(true);
    expect(a.nikHmacKey.equals(a.masterKey)).toBe(false);
    const configured = randomBytes(32);
    expect(resolveSecrets({ masterKey: master, nikHmacKey: configured.toString('base64'), dataDir: tempDir() }).nikHmacKey.equals(configured)).toBe(true);
  });

  it('the same NIK always hashes to the same claim key, and another secret to another', () => {
    const one = new NikHasher(randomBytes(32));
    expect(one.hash('3216014512900001')).toBe(one.hash('3216014512900001'));
    expect(one.hash('3216014512900001')).not.toBe(new NikHasher(randomBytes(32)).hash('3216014512900001'));
  });
});
