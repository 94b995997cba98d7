import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PROGRAMMES, type Programme } from '../../domain/events/vocabulary';
import { STAGES, type Stage } from '../../read-models/caseload/caseload.row';

/** Kemendagri code at any level: `32`, `32.16`, `32.16.01`, `32.16.01.2001`. */
const REGION_PREFIX = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** `?minPosition=`: the globalPosition a write returned; the query waits (bounded) for it. */
export class FreshnessParams {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  minPosition?: number;
}

export class CaseloadParams extends FreshnessParams {
  @IsOptional() @IsIn(STAGES)
  stage?: Stage;

  @IsOptional() @Matches(REGION_PREFIX, { message: 'regionCode must be a Kemendagri code such as 32.16 or 32.16.01' })
  regionCode?: string;

  @IsOptional() @IsIn(PROGRAMMES)
  programme?: Programme;

  @IsOptional() @IsString() @MaxLength(100)
  caseworkerId?: string;

  @IsOptional() @IsString() @MinLength(2) @MaxLength(100)
  q?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;
}

export class CaseParams extends FreshnessParams {
  @IsOptional() @IsISO8601({ strict: true }, { message: 'asOf must be an ISO-8601 instant, e.g. 2024-06-15T03:00:00.000Z' })
  asOf?: string;
}

export class ProgressionParams extends FreshnessParams {
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @IsOptional() @Matches(REGION_PREFIX, { message: 'regionCode must be a Kemendagri code such as 32.16 or 32.16.01' })
  regionCode?: string;

  @IsOptional() @IsIn(PROGRAMMES)
  programme?: Programme;
}

export class EligibilityParams extends FreshnessParams {
  @IsOptional() @Matches(REGION_PREFIX, { message: 'regionCode must be a Kemendagri code such as 32.16 or 32.16.01' })
  regionCode?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;
}

export class TrailParams {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @IsOptional() @IsString() @MaxLength(300)
  cursor?: string;
}
