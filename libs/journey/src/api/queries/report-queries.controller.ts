import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { areaOf, CurrentActor, Roles, type Actor } from '@jejak/auth';
import { Ctx, type RequestContext } from '@jejak/platform';
import { ProcessingTrail } from '@jejak/personal-data';
import { ListLanjutanEligibleQuery } from '../../read-models/lanjutan-eligibility/lanjutan-eligibility.query';
import { GetProgressionQuery } from '../../read-models/progression/progression.query';
import { READ_POSITION_HEADER, ReadModelFreshness } from '../../read-models/shared/read-model-freshness';
import { readBy, shownIn } from './personal-data-reads';
import { EligibilityParams, ProgressionParams } from './query-params.dto';

@ApiTags('reports')
@ApiBearerAuth('bearer')
@Controller('v1/reports')
export class ReportQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
    private readonly trail: ProcessingTrail,
  ) {}

  /** Counts per stage, conversion, cohort survival and workers absorbed; supervisors see their area. */
  @Roles('supervisor', 'auditor')
  @Get('progression')
  async progression(@Query() params: ProgressionParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    res.setHeader(READ_POSITION_HEADER, String(await this.freshness.awaitPosition(['progression'], params.minPosition)));
    const { minPosition: _m, ...filter } = params;
    return this.queries.execute(new GetProgressionQuery({ ...filter, area: areaOf(actor) }));
  }

  /** Entrepreneurs who meet the TKM Lanjutan rule today (the domain's own rule). */
  @Roles('caseworker', 'supervisor', 'auditor')
  @Get('lanjutan-eligibility')
  async eligible(@Query() params: EligibilityParams, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    res.setHeader(READ_POSITION_HEADER, String(await this.freshness.awaitPosition(['lanjutan_eligibility', 'caseload'], params.minPosition)));
    const { minPosition: _m, limit, ...filter } = params;
    const page = await this.queries.execute(new ListLanjutanEligibleQuery({ ...filter, limit: limit ?? 50, area: areaOf(actor) }));
    await this.trail.recordReads(readBy(actor, ctx, 'eligibility.list'), shownIn.eligibility(page.items));
    return page;
  }
}
