import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureReachableByPostgres } from './embedded-postgres';
import { makePrivateDir } from './private-dir';

const mode = (dir: string) => statSync(dir).mode & 0o777;

describe('the data directory, for a PostgreSQL run as user postgres', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'jejak-reach-')))); // mkdtemp makes it 0700
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keys are private without making the data directory above them private too', () => {
    chmodSync(root, 0o755);
    makePrivateDir(join(root, 'data', 'keys'));
    expect(mode(join(root, 'data', 'keys'))).toBe(0o700);
    expect(mode(join(root, 'data')) & 0o001).toBe(0o001);
  });

  it('as root, opens a data directory that others cannot enter to traversal (not listing)', () => {
    chmodSync(root, 0o755);
    const data = join(root, 'data');
    mkdirSync(data, { mode: 0o700 });
    ensureReachableByPostgres(data, 0);
    expect(mode(data)).toBe(0o701);
  });

  it('as root, names a directory above it that postgres may not enter, before initdb can only say "Permission denied"', () => {
    const data = join(root, 'data');
    mkdirSync(data);
    expect(ensureReachableByPostgres(data, 0)).toContain(`may not be able to enter ${root}: if it fails with "Permission denied", allow it (chmod o+x ${root})`);
    chmodSync(root, 0o755);
    expect(ensureReachableByPostgres(data, 0)).toBeUndefined();
  });

  it('changes nothing for another user, who runs PostgreSQL as themselves', () => {
    const data = join(root, 'data');
    mkdirSync(data, { mode: 0o700 });
    ensureReachableByPostgres(data, 1000);
    expect(mode(data)).toBe(0o700);
  });
});
