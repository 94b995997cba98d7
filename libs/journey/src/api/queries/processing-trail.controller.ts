import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { assertKecamatanAccess, CurrentActor, Roles, type Actor } from '@jejak/auth';
import { NotFoundError } from '@jejak/platform';
import { GetProcessingTrailQuery, type ProcessingTrailPage } from '../../read-models/processing-trail/processing-trail.query';
import { problem } from '../commands/write-endpoint';
import { ProcessingTrailDto } from './processing-trail.dto';
import { TrailParams } from './query-params.dto';

const DEFAULT_LIMIT = 100;

@ApiTags('entrepreneurs')
@ApiBearerAuth('bearer')
@Roles('supervisor', 'auditor')
@Controller('v1/entrepreneurs')
export class ProcessingTrailController {
  constructor(private readonly queries: QueryBus) {}

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
}
