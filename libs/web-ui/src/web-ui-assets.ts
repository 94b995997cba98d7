import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MARKER = 'index.html';

/**
 * Where the UI's static files are. tsc copies no HTML, CSS or JS, so the folder is looked for
 * next to this file's package folder (`libs/web-ui/public` when run from source, and
 * `dist/libs/web-ui/public` when the build copied it), then under the repository root found by
 * walking up to package.json (a `dist` build run from a checkout that did not copy them).
 */
export function webUiAssetsDir(from: string = __dirname): string {
  const beside = join(from, '..', 'public');
  if (existsSync(join(beside, MARKER))) return beside;
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'libs', 'web-ui', 'public');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, MARKER))) return candidate;
  }
  throw new Error(`the web UI's files (libs/web-ui/public) were not found from ${from}`);
}
