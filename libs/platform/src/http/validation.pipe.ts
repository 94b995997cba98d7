import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes, type MetadataStorage } from 'class-validator';
import type { FieldError, ProblemParam, ProblemParams } from './http-problem.error';
import { RequestValidationError } from './http-errors';
import { registerProblemMessages } from './problem-messages';
import { VALIDATION_RULE_TEXTS } from './validation.problem-texts';

/** One rule a DTO declares on a property, as class-validator keeps it (`@MaxLength(200)` on `fullName`). */
export type ValidationRule = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** A request DTO class, as class-validator keys its rules. */
export type Dto = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];

/** The rules of a DTO class, its parents' included, as the pipe validates them. */
export const rulesOf = (dto: Dto): ValidationRule[] => getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);

/** The name a failed rule has in `errors[].code` (`maxLength`, `isCalendarDate`); `@IsOptional()` is none. */
export const ruleName = (rule: ValidationRule): string | undefined =>
  rule.type === ValidationTypes.CONDITIONAL_VALIDATION ? undefined : (rule.name ?? rule.type);

function asParam(value: unknown): ProblemParam | undefined {
  if (value instanceof RegExp) return value.source;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/**
 * What a rule's texts name besides the field: its values as class-validator's own messages do
 * (`constraint1` is `$constraint1`: a length, a bound, the allowed values, a pattern), `each` when
 * it checks every item of a list, and what its decorator's `context` says (a named `format`).
 * Never the submitted value.
 */
export function ruleParams(rule: ValidationRule | undefined): ProblemParams {
  const constraints = (rule?.constraints ?? []).map((c: unknown, i: number) => [`constraint${i + 1}`, asParam(c)] as const);
  const context = Object.entries((rule?.context ?? {}) as Record<string, unknown>).map(([k, v]) => [k, asParam(v)] as const);
  return Object.fromEntries([...constraints, ...context, ...(rule?.each ? [['each', true] as const] : [])].filter(([, v]) => v !== undefined));
}

/** The rule that failed, by the class it was declared on, the property and the rule's name. */
function failedRule(dto: Dto | undefined, property: string, name: string): ValidationRule | undefined {
  return dto && rulesOf(dto).find((r) => r.propertyName === property && ruleName(r) === name);
}

/** Rules that fail first, and alone: what the field's other rules check presumes them. */
const PRESENCE_RULES = new Set([ValidationTypes.IS_DEFINED, 'isNotEmpty']);
const TYPE_RULES = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject']);

/**
 * The failed rules of one field worth telling. A required field left out or empty fails its
 * other rules too (it is not text, not the right length, blank), and a value of the wrong type
 * fails every rule that reads that type (a number is not "at most 200 characters"); they say
 * nothing more than "required" or "must be text" does. So a failed presence rule is told alone,
 * else a failed type rule, else every rule that failed: one message for the one thing to fix.
 */
function reported(constraints: Record<string, string>): Array<[string, string]> {
  const all = Object.entries(constraints);
  for (const first of [PRESENCE_RULES, TYPE_RULES]) {
    const failed = all.filter(([code]) => first.has(code));
    if (failed.length) return failed;
  }
  return all;
}

/**
 * Flattens class-validator's tree into `{ field: 'address.village', code, message, params }`
 * entries. The rules are the DTO's (`dto`) at the top, a nested object's class's (its `target`) below.
 */
export function fieldErrors(errors: readonly ValidationError[], dto?: Dto, parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = reported(e.constraints ?? {}).map(([code, message]): FieldError =>
      code === ValidationTypes.WHITELIST
        ? { field, code: 'unknownField', message: `${field} is not a known field` }
        : { field, code, message, params: ruleParams(failedRule(dto ?? e.target?.constructor, e.property, code)) },
    );
    return [...own, ...fieldErrors(e.children ?? [], undefined, field)];
  });
}

/** class-validator's errors on their way from the exception factory to `transform`, which knows the DTO. */
class FailedValidation extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('request validation failed');
  }
}

/** Nest's pipe, naming the DTO the handler declares: what was validated need not be an instance of it (an array body). */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      throw error instanceof FailedValidation ? new RequestValidationError(fieldErrors(error.errors, metadata.metatype)) : error;
    }
  }
}

/**
 * The one request validation policy: unknown fields are refused (not silently dropped), payloads
 * become DTO instances, nothing is converted implicitly (a "12" is not a number), and values are
 * never echoed back in errors because they may be personal data. The errors keep the objects
 * validated (`target`) only so fieldErrors can find a nested object's rules and their values (a
 * maximum length); nothing but the flattened field errors leaves the pipe. The process that validates requests
 * speaks its rules' names in Indonesian too, so the pipe registers their texts.
 */
export function createValidationPipe(): ValidationPipe {
  registerProblemMessages(VALIDATION_RULE_TEXTS);
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new FailedValidation(errors),
  });
}
