import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { areaOf, assertKecamatanAccess, canAccessRegion, CurrentActor, Roles, type Actor } from '@jejak/auth';
import { Ctx, setEtag, type RequestContext } from '@jejak/platform';
import { ProcessingTrail } from '@jejak/personal-data';
import { GetGroupQuery } from '../../read-models/group-state/get-group.query';
import type { GroupMemberView, GroupView } from '../../read-models/group-state/group.view';
import { ListGroupSummariesQuery, type GroupSummaryPage } from '../../read-models/group-summary/group-summary.query';
import { READ_POSITION_HEADER, ReadModelFreshness } from '../../read-models/shared/read-model-freshness';
import { problem } from '../commands/write-endpoint';
import { GroupListDto, GroupViewDto } from './group-view.dto';
import { readBy, seesRestrictedData, shownIn } from './personal-data-reads';
import { CaseParams, GroupListParams } from './query-params.dto';

@ApiTags('groups')
@ApiBearerAuth('bearer')
@Roles('caseworker', 'supervisor', 'auditor')
@Controller('v1/groups')
export class GroupQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
    private readonly trail: ProcessingTrail,
  ) {}

  /** The kelompok of the caller's area. Names, places and counts of groups are no one's personal data: no trail record. */
  @Get()
  @ApiOperation({ summary: 'The kelompok, from the group_summary read model: a caseworker or supervisor with a kecamatan claim sees only their area' })
  @ApiResponse({ status: 200, type: GroupListDto, headers: { [READ_POSITION_HEADER]: { description: 'the read model position the answer reflects' } } })
  @problem(400, 'the cursor is not one this API handed out')
  @problem(403, 'not a caseworker, supervisor or auditor')
  @problem(422, 'a parameter is invalid (errors lists them)')
  @problem(503, 'the read model did not reach minPosition in time (READ_MODEL.BEHIND)')
  async list(@Query() params: GroupListParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<GroupSummaryPage> {
    res.setHeader(READ_POSITION_HEADER, String(await this.freshness.awaitPosition(['group_summary'], params.minPosition)));
    const { minPosition: _m, limit, ...filter } = params;
    return this.queries.execute(new ListGroupSummariesQuery({ ...filter, limit: limit ?? 50, area: areaOf(actor) }));
  }

  /** Like GET /v1/entrepreneurs/{id}: folded from the stream, scoped by the group's kecamatan. */
  @Get(':id')
  @ApiOperation({ summary: 'The kelompok now, folded from its stream, with its members; the ETag is its version' })
  @ApiQuery({ name: 'asOf', required: false, description: 'an ISO-8601 instant: the group (and its members) as they were then' })
  @ApiResponse({ status: 200, type: GroupViewDto, headers: { ETag: {} } })
  @problem(403, 'the group is outside the kecamatan of your token')
  @problem(404, 'no group was formed under this id (by asOf)')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Query() params: CaseParams, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<GroupView> {
    const view = await this.queries.execute(
      new GetGroupQuery(id, params.asOf ? new Date(params.asOf) : undefined, (kecamatanCode) => assertKecamatanAccess(actor, kecamatanCode)),
    );
    // A member's name shows only to whom GET /v1/entrepreneurs/{id} would show it.
    const shows = (m: GroupMemberView) =>
      m.kecamatanCode !== null && canAccessRegion(actor, m.kecamatanCode) && (!m.processingRestricted || seesRestrictedData(actor));
    const members = view.members.map((m) => (shows(m) ? m : { ...m, fullName: null }));
    await this.trail.recordReads(readBy(actor, ctx, params.asOf ? 'group.read_as_of' : 'group.read'), shownIn.group(members));
    setEtag(res, view.version);
    return { ...view, members };
  }
}
