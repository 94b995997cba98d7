import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthService } from './health.service';
import { Public } from '../http/public.decorator';

/**
 * `/health`: every check, for people and alerts. `/health/live` and `/health/ready` are for
 * orchestrators: a liveness probe that restarts the process must not fail for what a restart cannot
 * fix (a stopped projection, a long transaction, a broker outage), and readiness asks only whether
 * the process can serve at all, which needs its database.
 */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  get(@Res() res: Response): Promise<void> {
    return this.answer(res, false);
  }

  /** the process answers: it depends on nothing, so only a hung or dead process fails it */
  @Get('live')
  live(): { status: 'up'; checks: Record<string, never> } {
    return { status: 'up', checks: {} };
  }

  /** the readiness checks (the database, and KurrentDB when it holds the events) */
  @Get('ready')
  ready(@Res() res: Response): Promise<void> {
    return this.answer(res, true);
  }

  private async answer(res: Response, readinessOnly: boolean): Promise<void> {
    const report = await this.health.report(readinessOnly);
    res.status(report.status === 'up' ? 200 : 503).json(report);
  }
}
