import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { AnchorVerification, AuditAnchor } from '@jejak/event-store';

export const ANCHORS_PAGE = { default: 100, max: 1000 };

/** `?after=&limit=` of GET /v1/audit/anchors. */
export class AnchorsPageParams {
  @ApiPropertyOptional({ type: Number, minimum: 0, description: 'list the anchors after this anchor number (default 0: from the first)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  after?: number;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: ANCHORS_PAGE.max, description: `page size (default ${ANCHORS_PAGE.default})` })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(ANCHORS_PAGE.max)
  limit?: number;
}

const HEX = { pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hex' };

/** OpenAPI shape of an anchor (docs/adr/0009-audit-anchors.md). */
export class AuditAnchorDto implements AuditAnchor {
  @ApiProperty({ example: 3, description: 'from 1, without gaps' })
  anchorNumber!: number;

  @ApiProperty({ description: 'the anchor covers the events after this global position (the previous anchor’s toPosition; 0 for the first)' })
  fromPosition!: number;

  @ApiProperty({ description: 'up to and including this global position' })
  toPosition!: number;

  @ApiProperty({ description: 'events in (fromPosition, toPosition]' })
  eventCount!: number;

  @ApiProperty({ ...HEX, description: 'SHA-256 of the stored hashes of those events, concatenated in global order' })
  eventsDigest!: string;

  @ApiProperty({ ...HEX, nullable: true, type: String, description: 'the previous anchor’s digest; null for anchor 1' })
  previousDigest!: string | null;

  @ApiProperty({ ...HEX, description: 'SHA-256(previousDigest || toPosition || eventCount || eventsDigest): what the auditor writes down' })
  digest!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: Date;
}

export class AuditAnchorListDto {
  @ApiProperty({ type: [AuditAnchorDto] })
  items!: AuditAnchorDto[];

  @ApiProperty({ description: 'the number of the last anchor listed (or `after` when none): pass it as ?after= for the next page' })
  next!: number;
}

export class SealedAnchorsDto {
  @ApiProperty({ type: [AuditAnchorDto], description: 'the anchors this seal made; empty when no event was new' })
  items!: AuditAnchorDto[];
}

class LatestAnchorDto {
  @ApiProperty()
  anchorNumber!: number;

  @ApiProperty()
  toPosition!: number;

  @ApiProperty(HEX)
  digest!: string;
}

export class AnchorVerificationDto implements AnchorVerification {
  @ApiProperty({ description: 'every anchor checked matches the stored events and the chain of digests' })
  valid!: boolean;

  @ApiProperty()
  checkedAnchors!: number;

  @ApiProperty({ description: 'events recomputed from their content' })
  checkedEvents!: number;

  @ApiProperty({ nullable: true, type: Number, description: 'the first anchor that does not verify; verification stops there' })
  firstBrokenAnchor!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'the global position of the event to blame, when one is' })
  firstBrokenPosition!: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'why, in a sentence (English); null when valid' })
  reason!: string | null;

  @ApiProperty({ type: LatestAnchorDto, nullable: true, description: 'the anchor asked for, or the newest: compare its digest with the one you recorded' })
  latest!: LatestAnchorDto | null;
}
