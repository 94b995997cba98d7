import { Controller, Get } from '@nestjs/common';
import { buildAsyncApiDocument } from '@jejak/contracts';
import { Public } from '@jejak/platform';

/** The AsyncAPI 3 document of the integration events; public, like the OpenAPI document. */
@Controller('docs/asyncapi')
@Public()
export class AsyncApiController {
  private readonly document = buildAsyncApiDocument();

  @Get()
  get(): Record<string, unknown> {
    return this.document;
  }
}
