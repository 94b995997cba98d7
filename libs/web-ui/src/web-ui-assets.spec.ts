import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { webUiAssetsDir } from './web-ui-assets';

describe('finding the web UI’s files', () => {
  const repo = resolve(__dirname, '../../..');

  it('finds them beside the library when run from source', () => {
    expect(webUiAssetsDir(join(repo, 'libs/web-ui/src'))).toBe(join(repo, 'libs/web-ui/public'));
  });

  it('finds them in the checkout when a build in dist did not copy them', () => {
    const from = join(repo, 'dist/libs/web-ui/src');
    if (existsSync(join(repo, 'dist/libs/web-ui/public/index.html'))) expect(webUiAssetsDir(from)).toBe(join(repo, 'dist/libs/web-ui/public'));
    else expect(webUiAssetsDir(from)).toBe(join(repo, 'libs/web-ui/public'));
  });

  it('prefers copies that a build placed next to the compiled library', () => {
    const root = mkdtempSync(join(tmpdir(), 'web-ui-assets-'));
    try {
      mkdirSync(join(root, 'dist/libs/web-ui/public'), { recursive: true });
      writeFileSync(join(root, 'dist/libs/web-ui/public/index.html'), '');
      expect(webUiAssetsDir(join(root, 'dist/libs/web-ui/src'))).toBe(join(root, 'dist/libs/web-ui/public'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says where it looked when they are missing', () => {
    const root = mkdtempSync(join(tmpdir(), 'web-ui-assets-'));
    try {
      expect(() => webUiAssetsDir(join(root, 'x/y'))).toThrow(/libs\/web-ui\/public/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
