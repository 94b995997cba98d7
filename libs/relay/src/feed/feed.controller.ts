import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { Roles } from '@jejak/auth';
import { HttpProblem } from '@jejak/platform';
import type { Response } from 'express';
import { FeedService } from './feed.service';

function nonNegativeInteger(name: string, raw: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n > max)
    throw new HttpProblem(400, 'FEED.INVALID_CURSOR', `${name} must be an integer from 0 to ${max}`, {
      params: { field: name, max },
      errors: [{ field: name, code: 'FEED.INVALID_CURSOR', message: `must be an integer from 0 to ${max}`, params: { max } }],
    });
  return n;
}

/** The catch-up feed of integration events for consumers without Kafka (api.md: role service or auditor). */
@Controller('v1/feed')
@Roles('service', 'auditor')
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @Get()
  async get(
    @Query('after') afterRaw: string | undefined,
    @Query('limit') limitRaw: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const after = nonNegativeInteger('after', afterRaw, 0);
    if (accept?.includes('text/event-stream')) {
      // A reconnecting EventSource sends the last id it saw; it wins over the original ?after.
      this.feed.stream(nonNegativeInteger('Last-Event-ID', lastEventId, after), res);
      return;
    }
    const limit = nonNegativeInteger('limit', limitRaw, 100, 1000) || 100;
    res.json(await this.feed.page(after, limit));
  }
}
