import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PROGRAMMES, type Programme } from '../../domain/events/vocabulary';
import { STAGES, type Stage } from '../../read-models/caseload/caseload.row';
import { Format } from '../commands/field-rules';

/** Kemendagri code at any level: `32`, `32.16`, `32.16.01`, `32.16.01.2001`. */
const RegionPrefix = () => Format('regionPrefix', /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'regionCode must be a Kemendagri code such as 32.16 or 32.16.01');

const REGION_DOC = { description: 'a Kemendagri code at any level (32, 32.16, 32.16.01, 32.16.01.2001): that region and everything under it', example: '32.16.01' };
const LIMIT_DOC = (max: number, dflt: number) => ({ type: Number, minimum: 1, maximum: max, description: `page size (default ${dflt})` });
const CURSOR_DOC = { description: 'the nextCursor of the previous page' };

/** `?minPosition=`: the globalPosition a write returned; the query waits (bounded) for it. */
export class FreshnessParams {
  @ApiPropertyOptional({ type: Number, minimum: 0, description: 'the globalPosition a write returned: waits (up to 5 s) until the read model has it, else 503 READ_MODEL.BEHIND' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  minPosition?: number;
}

/** A page of a list: `limit` (default 50) and the `nextCursor` of the page before. */
class PageParams extends FreshnessParams {
  @ApiPropertyOptional(LIMIT_DOC(200, 50))
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional(CURSOR_DOC)
  @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;
}

export class CaseloadParams extends PageParams {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional() @IsIn(STAGES)
  stage?: Stage;

  @ApiPropertyOptional(REGION_DOC)
  @IsOptional() @RegionPrefix()
  regionCode?: string;

  @ApiPropertyOptional({ enum: PROGRAMMES })
  @IsOptional() @IsIn(PROGRAMMES)
  programme?: Programme;

  @ApiPropertyOptional({ description: 'the caseworker id (token subject) the cases are assigned to' })
  @IsOptional() @IsString() @MaxLength(100)
  caseworkerId?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 100, description: 'part of a name, case ignored; the search is recorded in the processing trail' })
  @IsOptional() @IsString() @MinLength(2) @MaxLength(100)
  q?: string;
}

export class CaseParams extends FreshnessParams {
  @ApiPropertyOptional({ format: 'date-time', description: 'an ISO-8601 instant: the case exactly as it stood then (its stream folded up to it)' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 instant, e.g. 2024-06-15T03:00:00.000Z' })
  asOf?: string;
}

export class ProgressionParams extends FreshnessParams {
  @ApiPropertyOptional({ type: Number, minimum: 2000, maximum: 2100, description: 'only this year (default: every year)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiPropertyOptional(REGION_DOC)
  @IsOptional() @RegionPrefix()
  regionCode?: string;

  @ApiPropertyOptional({ enum: PROGRAMMES })
  @IsOptional() @IsIn(PROGRAMMES)
  programme?: Programme;
}

export class EligibilityParams extends PageParams {
  @ApiPropertyOptional(REGION_DOC)
  @IsOptional() @RegionPrefix()
  regionCode?: string;
}

export class GroupListParams extends PageParams {
  @ApiPropertyOptional(REGION_DOC)
  @IsOptional() @RegionPrefix()
  regionCode?: string;

  @ApiPropertyOptional({ enum: PROGRAMMES, description: 'the programme the group was formed under' })
  @IsOptional() @IsIn(PROGRAMMES)
  programme?: Programme;
}

export class TrailParams {
  @ApiPropertyOptional(LIMIT_DOC(500, 100))
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional(CURSOR_DOC)
  @IsOptional() @IsString() @MaxLength(300)
  cursor?: string;
}

export class ReadsByActorParams extends TrailParams {
  @ApiProperty({ description: 'the account: the token subject (`sub`) whose reads are listed', example: 'cw-ani' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  actorId!: string;

  @ApiProperty({ format: 'date-time', description: 'start of the window (inclusive), an ISO-8601 instant' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'end of the window (exclusive), an ISO-8601 instant; default now' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}
