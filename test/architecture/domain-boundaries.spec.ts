import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';

/**
 * style.md rule 11: domain libs are pure. These tests run the repository's own eslint.config.mjs
 * through the ESLint Node API (in a child Node process, see eslint-runner.mjs) and prove that the
 * boundary rule fails on a violation, stays quiet outside the domain ring, and holds on the real tree.
 */
interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  fatal?: boolean;
}
interface LintResult {
  filePath: string;
  messages: LintMessage[];
}
interface RunnerOutput {
  texts: LintResult[];
  files: LintResult[];
  ruleOn: Record<string, number | string>;
}

const ROOT = join(__dirname, '..', '..');
const DOMAIN_FILE = 'libs/journey/src/domain/example.ts';
const INFRASTRUCTURE_FILE = 'libs/journey/src/infrastructure/example.ts';
const APP_FILE = 'apps/case-service/src/example.ts';
const FORBIDDEN = ['@nestjs/common', '@nestjs/cqrs', 'typeorm', 'pg', 'kafkajs', 'class-validator'];
const OTHER_FORMS = {
  'type-only import': `import type { Pool } from 'pg';\nexport type Db = Pool;\n`,
  're-export': `export { DataSource } from 'typeorm';\n`,
  'deep import': `import { Column } from 'typeorm/decorator/columns/Column';\nexport const c = Column;\n`,
  'scoped deep import': `import { Injectable } from '@nestjs/common/decorators';\nexport const i = Injectable;\n`,
};
const CLEAN_DOMAIN = `import type { Decider } from './decider';\nexport const example: Decider | null = null;\n`;

function importOf(pkg: string): string {
  return `import * as dependency from '${pkg}';\nexport const used = dependency;\n`;
}

function runEslint(texts: { code: string; filePath: string }[]): RunnerOutput {
  const run = spawnSync(process.execPath, [join(__dirname, 'eslint-runner.mjs')], {
    cwd: ROOT,
    input: JSON.stringify({ texts, patterns: ['libs/*/src/domain/**/*.ts'] }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`eslint-runner failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as RunnerOutput;
}

const boundaryViolations = (r: LintResult) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2);

describe('Domain libs depend on no framework, database or broker', () => {
  const texts = [
    ...FORBIDDEN.map((pkg) => ({ code: importOf(pkg), filePath: DOMAIN_FILE })),
    ...FORBIDDEN.map((pkg) => ({ code: importOf(pkg), filePath: INFRASTRUCTURE_FILE })),
    ...FORBIDDEN.map((pkg) => ({ code: importOf(pkg), filePath: APP_FILE })),
    { code: CLEAN_DOMAIN, filePath: DOMAIN_FILE },
    ...Object.values(OTHER_FORMS).map((code) => ({ code, filePath: DOMAIN_FILE })),
    { code: importOf('../infrastructure/journey.repository'), filePath: DOMAIN_FILE },
  ];
  let out: RunnerOutput;
  const result = (code: string, filePath: string): LintResult => out.texts[texts.findIndex((t) => t.code === code && t.filePath === filePath)];

  beforeAll(() => {
    out = runEslint(texts);
  });

  it.each(FORBIDDEN)('a domain file importing %s fails the lint', (pkg) => {
    const violations = boundaryViolations(result(importOf(pkg), DOMAIN_FILE));
    expect(violations).toHaveLength(1);
    expect(violations[0].message).toContain(`'${pkg}'`);
    expect(violations[0].message).toContain('style.md rule 11');
  });

  it.each(FORBIDDEN)('an infrastructure file may import %s', (pkg) => {
    expect(result(importOf(pkg), INFRASTRUCTURE_FILE).messages).toEqual([]);
  });

  it.each(FORBIDDEN)('an app may import %s', (pkg) => {
    expect(result(importOf(pkg), APP_FILE).messages).toEqual([]);
  });

  it('a domain file with only local imports passes', () => {
    expect(result(CLEAN_DOMAIN, DOMAIN_FILE).messages).toEqual([]);
  });

  it.each(Object.entries(OTHER_FORMS))('a %s in a domain file fails the lint too', (_form, code) => {
    expect(boundaryViolations(result(code, DOMAIN_FILE))).toHaveLength(1);
  });

  it('the domain ring does not reach into outer rings of its lib', () => {
    const [violation] = boundaryViolations(result(importOf('../infrastructure/journey.repository'), DOMAIN_FILE));
    expect(violation.message).toContain('depends on nothing outside it');
  });

  it('every domain file in the tree is under the rule and breaks none of it', () => {
    for (const file of out.files) expect([file.filePath, out.ruleOn[file.filePath]]).toEqual([file.filePath, 2]);
    const violations = out.files.flatMap((f) => boundaryViolations(f).map((m) => `${relative(ROOT, f.filePath)}: ${m.message}`));
    expect(violations).toEqual([]);
  });
});
