import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertKecamatanAccess, CurrentActor, Roles, type Actor } from '@jejak/auth';
import { Ctx, NotFoundError, type RequestContext } from '@jejak/platform';
import { ProcessingTrail } from '@jejak/personal-data';
import { ExportPersonalDataQuery, type PersonalDataExport } from '../../read-models/personal-data-export/personal-data-export.query';
import { GetProcessingTrailQuery, type ProcessingTrailPage } from '../../read-models/processing-trail/processing-trail.query';
import { problem } from '../commands/write-endpoint';
import { readBy } from './personal-data-reads';
import { PersonalDataExportDto, ProcessingTrailDto } from './processing-trail.dto';
import { TrailParams } from './query-params.dto';

const DEFAULT_LIMIT = 100;

@ApiTags('entrepreneurs')
@ApiBearerAuth('bearer')
@Roles('supervisor', 'auditor')
@Controller('v1/entrepreneurs')
export class ProcessingTrailController {
  constructor(
    private readonly queries: QueryBus,
    private readonly trail: ProcessingTrail,
  ) {}

  @Get(':id/processing-trail')
  @ApiOperation({
    summary: "Who processed the person's data: every write to the case and every read of its personal fields, oldest first",
    description:
      'The processing trail of UU PDP (27/2022): what the person may ask for, answered by staff on their behalf. ' +
      'Writes are the events of the case (type, when, actor, role, correlation id; never their data); reads are the responses ' +
      'that showed the personal fields (case, caseload list or name search, group, Lanjutan eligibility list), one per person shown. ' +
      'Ids and codes only, so it outlives an erasure and reading it is no read of personal data. ' +
      'Roles: `auditor` (every person) and `supervisor` (within the kecamatan of the token), who answer access requests and oversee ' +
      "staff. A caseworker is refused (403): the trail is the oversight record of staff access, the caseworker's own and colleagues' included.",
  })
  @ApiResponse({ status: 200, type: ProcessingTrailDto })
  @problem(400, 'the cursor is not one this API handed out')
  @problem(403, 'not a supervisor or auditor, or the case is outside the kecamatan of your token')
  @problem(404, 'no entrepreneur is registered under this id')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Query() params: TrailParams, @CurrentActor() actor: Actor): Promise<ProcessingTrailPage> {
    const trail = await this.queries.execute(new GetProcessingTrailQuery(id, params.limit ?? DEFAULT_LIMIT, params.cursor));
    if (!trail) throw new NotFoundError('ENTREPRENEUR.NOT_FOUND', `no entrepreneur ${id} is registered`, { id });
    assertKecamatanAccess(actor, trail.kecamatanCode);
    return trail;
  }

  @Get(':id/personal-data')
  @ApiOperation({
    summary: 'A copy of everything held about the person: the case, every recorded fact with its personal fields, and the processing trail',
    description:
      'The right of access of UU PDP (27/2022), answered by staff on the person\'s behalf: the case as it stands, every fact of the case ' +
      'oldest first with its personal fields opened (absent once erased), and the whole processing trail. Sent as a JSON attachment. ' +
      'It shows the personal fields, so it is itself recorded in the processing trail (purpose `personal_data.export`). ' +
      'Roles: `auditor`, and `supervisor` within the kecamatan of the token.',
  })
  @ApiResponse({ status: 200, type: PersonalDataExportDto })
  @problem(403, 'not a supervisor or auditor, or the case is outside the kecamatan of your token')
  @problem(404, 'no entrepreneur is registered under this id')
  async personalData(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonalDataExport> {
    const copy = await this.queries.execute(new ExportPersonalDataQuery(id, new Date(), (kecamatan) => assertKecamatanAccess(actor, kecamatan)));
    if (!copy) throw new NotFoundError('ENTREPRENEUR.NOT_FOUND', `no entrepreneur ${id} is registered`, { id });
    // after an erasure nothing personal is left to show, so handing the copy out reads nobody's data
    await this.trail.recordReads(readBy(actor, ctx, 'personal_data.export'), copy.personalDataErased ? [] : [id]);
    res.setHeader('Content-Disposition', `attachment; filename="jejak-data-pribadi-${id}.json"`);
    return copy;
  }
}
