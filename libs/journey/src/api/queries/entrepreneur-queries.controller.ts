import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { areaOf, assertKecamatanAccess, CurrentActor, Roles, type Actor } from '@jejak/auth';
import { Ctx, NotFoundError, setEtag, type RequestContext } from '@jejak/platform';
import { ProcessingTrail } from '@jejak/personal-data';
import { withoutPersonalFields } from '../../read-models/case-state/case.view';
import { GetCaseQuery } from '../../read-models/case-state/get-case.query';
import { ListCaseloadQuery } from '../../read-models/caseload/caseload.query';
import { READ_POSITION_HEADER, ReadModelFreshness } from '../../read-models/shared/read-model-freshness';
import { GetTimelineQuery } from '../../read-models/timeline/timeline.query';
import { readBy, seesRestrictedData, shownIn } from './personal-data-reads';
import { CaseloadParams, CaseParams, FreshnessParams } from './query-params.dto';

const DEFAULT_LIMIT = 50;

@ApiTags('entrepreneurs')
@ApiBearerAuth('bearer')
@Roles('caseworker', 'supervisor', 'auditor')
@Controller('v1/entrepreneurs')
export class EntrepreneurQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
    private readonly trail: ProcessingTrail,
  ) {}

  /** The caseload: a caseworker or supervisor with a `kecamatan` claim sees only their area. */
  @Get()
  async list(@Query() params: CaseloadParams, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const position = await this.freshness.awaitPosition(['caseload'], params.minPosition);
    res.setHeader(READ_POSITION_HEADER, String(position));
    const { minPosition: _m, limit, ...filter } = params;
    const page = await this.queries.execute(new ListCaseloadQuery({ ...filter, limit: limit ?? DEFAULT_LIMIT, area: areaOf(actor), hideRestricted: !seesRestrictedData(actor) }));
    await this.trail.recordReads(readBy(actor, ctx, params.q ? 'caseload.search' : 'caseload.list'), shownIn.caseload(page.items));
    return page;
  }

  /** The case folded from its stream (always current, so minPosition never waits); `asOf` travels back in time. */
  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Query() params: CaseParams, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const folded = await this.queries.execute(new GetCaseQuery(id, params.asOf ? new Date(params.asOf) : undefined, (k) => assertKecamatanAccess(actor, k)));
    const view = folded.processingRestricted && !seesRestrictedData(actor) ? withoutPersonalFields(folded) : folded;
    await this.trail.recordReads(readBy(actor, ctx, params.asOf ? 'case.read_as_of' : 'case.read'), shownIn.case(view));
    setEtag(res, view.version);
    return view;
  }

  @Get(':id/timeline')
  async timeline(@Param('id', new ParseUUIDPipe()) id: string, @Query() params: FreshnessParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const position = await this.freshness.awaitPosition(['caseload', 'timeline'], params.minPosition);
    res.setHeader(READ_POSITION_HEADER, String(position));
    const timeline = await this.queries.execute(new GetTimelineQuery(id));
    if (!timeline) throw new NotFoundError('ENTREPRENEUR.NOT_FOUND', `no entrepreneur ${id} is registered`, { id });
    assertKecamatanAccess(actor, timeline.kecamatanCode);
    return timeline;
  }
}
