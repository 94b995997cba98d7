import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@jejak/auth';
import { RequestValidationError } from '@jejak/platform';
import { ListReadsByActorQuery, type ReadsByActorPage } from '../../read-models/processing-trail/reads-by-actor.query';
import { problem } from '../commands/write-endpoint';
import { ReadsByActorParams } from '../queries/query-params.dto';
import { ReadsByActorDto } from './personal-data-reads.dto';

const DEFAULT_LIMIT = 100;

@ApiTags('audit')
@ApiBearerAuth('bearer')
@Roles('auditor')
@Controller('v1/audit/personal-data-reads')
export class PersonalDataReadsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Whose personal data one account was shown in a time window (a personal-data breach)',
    description:
      'The processing trail read by account: for a leaked token or a misused account, the people whose personal fields it was shown ' +
      'between `from` and `to`, with how often, when first and last, and by what (purposes as in the processing trail). ' +
      'UU PDP (27/2022) asks for them to be told within 3 × 24 hours. `people` counts them all; `items` pages them by id. ' +
      'Ids, codes and counts only, so answering records no read. Role: `auditor`.',
  })
  @ApiResponse({ status: 200, type: ReadsByActorDto })
  @problem(400, 'the cursor is not one this API handed out')
  @problem(403, 'not an auditor')
  @problem(422, 'actorId missing, from/to not ISO-8601 instants, or a window that ends before it starts')
  list(@Query() params: ReadsByActorParams): Promise<ReadsByActorPage> {
    const [from, to] = [new Date(params.from), params.to ? new Date(params.to) : new Date()];
    // an empty answer must mean "no one was shown", never "the window was upside down"
    if (to <= from)
      throw new RequestValidationError([{ field: params.to ? 'to' : 'from', code: 'windowOrder', message: 'the window must end after it starts: to (default now) after from' }]);
    return this.queries.execute(new ListReadsByActorQuery(params.actorId, from, to, params.limit ?? DEFAULT_LIMIT, params.cursor));
  }
}
