import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUTH_PROBLEM_TEXTS } from '@jejak/auth';
import { JOURNEY_PROBLEM_TEXTS } from '@jejak/journey/api';
import { PERSONAL_DATA_PROBLEM_TEXTS } from '@jejak/personal-data';
import { PLATFORM_PROBLEM_TEXTS, VALIDATION_RULE_TEXTS, type ProblemTexts } from '@jejak/platform';
import { PROJECTIONS_PROBLEM_TEXTS } from '@jejak/projections';
import { FEED_PROBLEM_TEXTS } from '@jejak/relay';

/** Every lib's Indonesian problem texts, as the case service registers them (the validation pipe its rules'). */
export const API_PROBLEM_TEXTS: ProblemTexts = {
  ...PLATFORM_PROBLEM_TEXTS,
  ...VALIDATION_RULE_TEXTS,
  ...AUTH_PROBLEM_TEXTS,
  ...JOURNEY_PROBLEM_TEXTS,
  ...PERSONAL_DATA_PROBLEM_TEXTS,
  ...PROJECTIONS_PROBLEM_TEXTS,
  ...FEED_PROBLEM_TEXTS,
};

const ROOT = join(__dirname, '..', '..');
const CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*)+$/;
/** comments (skipped) and string literals (read), so a code named in a comment is not one */
const TOKEN = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
const isProductSource = (path: string): boolean =>
  path.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(path) && !path.split('/').includes('testing');

function sourceFiles(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(root, path);
    return isProductSource(relative(root, path)) ? [path] : [];
  });
}

/**
 * Every stable code the product's source defines, wherever it is written: an error class's
 * `code`, a constant in a table of codes, a literal passed to HttpProblem. A code is a string
 * literal of dotted upper-case words (`JOURNEY.NOT_TRAINED`); test doubles and tests are left out.
 */
export function problemCodesInSource(root = ROOT): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of ['apps', 'libs', 'tools'].flatMap((d) => sourceFiles(root, join(root, d)))) {
    for (const [token] of readFileSync(file, 'utf8').matchAll(TOKEN)) {
      const text = token.slice(1, -1);
      if (token.startsWith('/') || text.includes('${') || !CODE.test(text)) continue;
      found.set(text, [...(found.get(text) ?? []), relative(root, file)]);
    }
  }
  return found;
}
