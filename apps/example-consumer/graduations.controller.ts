import { Controller, Get, Optional, Query } from '@nestjs/common';
import { FeedFollower } from './feed-follower';
import { GraduationTally } from './graduation-tally';

@Controller('graduations')
export class GraduationsController {
  constructor(
    private readonly tally: GraduationTally,
    @Optional() private readonly follower?: FeedFollower,
  ) {}

  /** `?minPosition=` waits (up to 10 s) until the feed was read that far: read-your-writes for tests and dashboards. */
  @Get()
  async get(@Query('minPosition') minPosition?: string) {
    const caughtUp = minPosition && this.follower ? await this.follower.reached(Number(minPosition), 10_000) : true;
    return { ...this.tally.report(), caughtUp };
  }
}
