import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@jejak/auth';
import { assertValidStreamId, type StreamVerification } from '@jejak/event-store';
import { NotFoundError, setEtag } from '@jejak/platform';
import { ReadStreamHistoryQuery, VerifyStreamQuery, type StreamHistory } from '../../application';

/** Raw history for auditors (read-only, everything): events as stored with metadata and hash chain. */
@ApiTags('audit')
@ApiBearerAuth('bearer')
@Roles('auditor')
@Controller('v1/audit/streams')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':streamId')
  @ApiOperation({ summary: 'Raw events of a stream, with metadata and hashes (personal fields stay sealed)' })
  @ApiQuery({ name: 'fromVersion', required: false, type: Number })
  async history(@Param('streamId') streamId: string, @Query('fromVersion', new ParseIntPipe({ optional: true })) fromVersion: number | undefined, @Res({ passthrough: true }) res: Response) {
    assertStream(streamId);
    const history = await this.queries.execute<ReadStreamHistoryQuery, StreamHistory>(new ReadStreamHistoryQuery(streamId, Math.max(1, fromVersion ?? 1)));
    if (history.version === 0) throw new NotFoundError('STREAM.NOT_FOUND', `stream ${streamId} has no events`, { streamId });
    setEtag(res, history.version);
    return history;
  }

  @Get(':streamId/verify')
  @ApiOperation({ summary: 'Recompute the hash chain: { valid, checkedEvents, firstBrokenVersion }' })
  async verify(@Param('streamId') streamId: string) {
    assertStream(streamId);
    return this.queries.execute<VerifyStreamQuery, StreamVerification>(new VerifyStreamQuery(streamId));
  }
}

/** A malformed stream id names nothing that can exist: 404 rather than an internal error. */
function assertStream(streamId: string): void {
  try {
    assertValidStreamId(streamId);
  } catch {
    throw new NotFoundError('STREAM.NOT_FOUND', 'no such stream');
  }
}
