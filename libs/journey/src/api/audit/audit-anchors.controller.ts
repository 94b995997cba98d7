import { Controller, Get, HttpStatus, Inject, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@jejak/auth';
import type { AnchorVerification, AuditAnchors } from '@jejak/event-store';
import { AUDIT_ANCHORS, AuditAnchorsUnavailableError } from '@jejak/platform';
import { problem } from '../commands/write-endpoint';
import { ANCHORS_PAGE, AnchorsPageParams, AnchorVerificationDto, AuditAnchorListDto, SealedAnchorsDto } from './audit-anchors.dto';

const UNAVAILABLE = 'the event log is on KurrentDB (JEJAK_EVENT_STORE=kurrentdb): no anchors (AUDIT.ANCHORS_UNAVAILABLE)';

/**
 * Audit anchors (docs/adr/0009-audit-anchors.md): digests over the whole log in global order that
 * the auditor writes down outside Jejak, so that a later verification proves no event up to them
 * was edited, added or removed, even with a stream's hash chain rewritten to match.
 */
@ApiTags('audit')
@ApiBearerAuth('bearer')
@Roles('auditor')
@Controller('v1/audit/anchors')
export class AuditAnchorsController {
  constructor(@Inject(AUDIT_ANCHORS) private readonly anchors: AuditAnchors | null) {}

  @Get()
  @ApiOperation({ summary: 'The anchors sealed so far, oldest first' })
  @ApiResponse({ status: 200, type: AuditAnchorListDto })
  @problem(403, 'not an auditor')
  @problem(501, UNAVAILABLE)
  async list(@Query() params: AnchorsPageParams): Promise<AuditAnchorListDto> {
    const after = params.after ?? 0;
    const items = await this.available().list(after, params.limit ?? ANCHORS_PAGE.default);
    return { items, next: items.at(-1)?.anchorNumber ?? after };
  }

  @Post()
  @ApiOperation({
    summary: 'Seal now: anchors over every event since the last anchor, up to the gap-safe head',
    description: 'The processes that project also seal every JEJAK_AUDIT_ANCHOR_INTERVAL (default 1h). Waits for a seal already running.',
  })
  @ApiResponse({ status: 201, type: SealedAnchorsDto, description: 'the anchors made (at most 100,000 events each)' })
  @ApiResponse({ status: 200, type: SealedAnchorsDto, description: 'no event was new: nothing sealed, an empty list' })
  @problem(403, 'not an auditor')
  @problem(501, UNAVAILABLE)
  async seal(@Res({ passthrough: true }) res: Response): Promise<SealedAnchorsDto> {
    const items = await this.available().seal();
    res.status(items.length ? HttpStatus.CREATED : HttpStatus.OK);
    return { items };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Verify every anchor in order against the stored events (stops at the first broken one)' })
  @ApiResponse({ status: 200, type: AnchorVerificationDto })
  @problem(403, 'not an auditor')
  @problem(501, UNAVAILABLE)
  verifyAll(): Promise<AnchorVerification> {
    return this.available().verify();
  }

  @Get(':number/verify')
  @ApiOperation({ summary: 'Verify one anchor: its events, each against its content, and its digest from the previous anchor' })
  @ApiResponse({ status: 200, type: AnchorVerificationDto })
  @problem(400, 'the anchor number is not a number')
  @problem(403, 'not an auditor')
  @problem(404, 'no anchor with this number (AUDIT.ANCHOR_NOT_FOUND)')
  @problem(501, UNAVAILABLE)
  verifyOne(@Param('number', ParseIntPipe) anchorNumber: number): Promise<AnchorVerification> {
    return this.available().verify(anchorNumber);
  }

  private available(): AuditAnchors {
    if (!this.anchors) throw new AuditAnchorsUnavailableError();
    return this.anchors;
  }
}
