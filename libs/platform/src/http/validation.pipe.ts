import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './http-problem.error';
import { RequestValidationError } from './http-errors';

/** Flattens class-validator's tree into `{ field: 'address.village', message, code }` entries. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      message: code === 'whitelistValidation' ? `${field} is not a known field` : message,
    }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/**
 * The one request validation policy: unknown fields are refused (not silently dropped), payloads
 * become DTO instances, nothing is converted implicitly (a "12" is not a number), and values are
 * never echoed back in errors because they may be personal data.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldErrors(errors)),
  });
}
