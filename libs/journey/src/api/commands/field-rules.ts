import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { isIsoDate } from '../../domain';

/**
 * The request-shape rules every command DTO uses, one decorator per kind of field, each with its
 * OpenAPI description. They check shape only (types, formats, lengths, closed vocabularies);
 * programme rules and NIK checks stay in the deciders, which answer with their own codes.
 */
type Opt = { optional?: boolean; description?: string; example?: unknown };

const doc = (o: Opt, schema: Record<string, unknown>) =>
  o.optional ? ApiPropertyOptional({ ...schema, description: o.description, example: o.example }) : ApiProperty({ ...schema, description: o.description, example: o.example });
const presence = (o: Opt) => (o.optional ? IsOptional() : IsNotEmpty());

/**
 * A pattern rule (`errors[].code` `matches`) with a name, so its Indonesian text can say what the
 * pattern means instead of showing it: `matches.<format>` in journey.problem-texts.ts.
 */
export const Format = (format: string, pattern: RegExp, message: string) => Matches(pattern, { message, context: { format } });

/** Free text, stored and returned as given (never interpreted as HTML or SQL), bounded in length. */
export const Text = (maxLength: number, o: Opt = {}) =>
  applyDecorators(doc(o, { type: String, maxLength }), presence(o), IsString(), MaxLength(maxLength), Format('notBlank', /\S/, '$property must not be blank'));

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export const CalendarDate = (o: Opt = {}) =>
  applyDecorators(
    doc(o, { type: String, format: 'date', example: o.example ?? '2024-06-15' }),
    presence(o),
    ValidateBy({ name: 'isCalendarDate', validator: { validate: (v) => isIsoDate(v), defaultMessage: (a) => `${a?.property} must be a date YYYY-MM-DD` } }),
  );

export const OneOf = (values: readonly string[], o: Opt = {}) =>
  applyDecorators(doc(o, { enum: values }), presence(o), IsIn(values as string[], { message: `$property must be one of ${values.join(', ')}` }));

/** Whole numbers only: money is whole rupiah, people are counted. */
export const WholeNumber = (min: number, max: number, o: Opt = {}) =>
  applyDecorators(doc(o, { type: Number, minimum: min, maximum: max }), presence(o), IsInt(), Min(min), Max(max));

export const Flag = (o: Opt = {}) => applyDecorators(doc(o, { type: Boolean }), o.optional ? IsOptional() : IsNotEmpty(), IsBoolean());

export const Uuid = (o: Opt = {}) => applyDecorators(doc(o, { type: String, format: 'uuid' }), presence(o), IsUUID('all'));

/** Kemendagri kecamatan `PP.KK.CC` or village `PP.KK.CC.DDDD`; whether it exists is the decider's question. */
export const RegionCode = (o: Opt = {}) =>
  applyDecorators(
    doc(o, { type: String, example: '32.16.01', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}(\\.\\d{4})?$' }),
    presence(o),
    IsString(),
    Format('regionCode', /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, 'regionCode must be a Kemendagri kecamatan PP.KK.CC or village PP.KK.CC.DDDD code'),
  );

/** Largest amount accepted: Rp 10 billion, well above any assistance package, far below float trouble. */
export const MAX_RUPIAH = 10_000_000_000;
