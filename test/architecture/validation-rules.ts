import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldTextKey, ruleName, ruleParams, rulesOf, type Dto, type ProblemParams } from '@jejak/platform';

const ROOT = join(__dirname, '..', '..');
const isProductSource = (path: string): boolean => path.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(path) && !path.split('/').includes('testing');

/** Files that declare request rules: DTOs, and any other product file that uses class-validator. */
function ruleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : ruleFiles(path);
    return isProductSource(path) && (e.name.endsWith('.dto.ts') || readFileSync(path, 'utf8').includes("from 'class-validator'")) ? [path] : [];
  });
}

/** Every class with rules that the product's rule files export (a DTO's parents' rules come with it). */
export async function dtoClassesInSource(root = ROOT): Promise<Dto[]> {
  const modules: Record<string, unknown>[] = await Promise.all(['apps', 'libs'].flatMap((d) => ruleFiles(join(root, d))).map((file) => import(file)));
  return modules.flatMap((m) => Object.values(m)).filter((v): v is Dto => typeof v === 'function' && rulesOf(v).length > 0);
}

type Rule = ReturnType<typeof rulesOf>[number];
const asText = (c: unknown): string => (Array.isArray(c) ? c.join(', ') : String(c));

/** The English message the pipe reports for a rule: the DTO's own, or the rule's default, its `$` tokens filled in as class-validator does. */
function englishOf(rule: Rule, dto: Dto): string {
  const args = { value: undefined, constraints: rule.constraints, targetName: dto.name, object: {}, property: rule.propertyName };
  const own: unknown = rule.message ?? (rule.constraintCls ? new (rule.constraintCls as new () => { defaultMessage?: (a: typeof args) => string })().defaultMessage?.(args) : '');
  const message = typeof own === 'function' ? String(own(args)) : String(own ?? '');
  return (rule.constraints ?? [])
    .reduce((m: string, c: unknown, i: number) => m.replaceAll(`$constraint${i + 1}`, asText(c)), message)
    .replaceAll('$property', rule.propertyName)
    .replaceAll('$target', dto.name);
}

export interface RuleUse {
  /** the key of its Indonesian text: the rule's name, or `matches.<format>` for a named format */
  key: string;
  field: string;
  params: ProblemParams;
  /** the message the pipe reports in English */
  english: string;
  where: string;
}

/**
 * Every rule of request validation the given DTOs use, as the validation pipe reports it, plus
 * `unknownField` (the pipe refuses fields no DTO declares).
 */
export function ruleUses(dtos: readonly Dto[]): RuleUse[] {
  const uses = dtos.flatMap((dto) =>
    rulesOf(dto).flatMap((rule) => {
      const name = ruleName(rule);
      const params = ruleParams(rule);
      return name ? [{ key: fieldTextKey(name, params), field: rule.propertyName, params, english: englishOf(rule, dto), where: `${dto.name}.${rule.propertyName}` }] : [];
    }),
  );
  return [...uses, { key: 'unknownField', field: 'colour', params: {}, english: 'colour is not a known field', where: 'the validation pipe (forbidNonWhitelisted)' }];
}
