import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthService } from './health.service';
import { Public } from '../http/public.decorator';

@Public()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  async get(@Res() res: Response): Promise<void> {
    const report = await this.health.report();
    res.status(report.status === 'up' ? 200 : 503).json(report);
  }
}
