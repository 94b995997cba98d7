import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi, type OpenApiOptions } from './openapi';
import { bodyParserProblem } from './problem';
import { ProblemExceptionFilter } from './problem.filter';
import { correlationMiddleware, requestContextMiddleware } from './request-context';
import { createValidationPipe } from './validation.pipe';

export interface HttpOptions {
  /** largest accepted request body; default 256 kB (a registration is about 2 kB) */
  bodyLimit?: string | number;
  /** false to leave out `/docs` (headless processes) */
  openApi?: OpenApiOptions | false;
}

export const DEFAULT_BODY_LIMIT = '256kb';

/**
 * The HTTP conventions of api.md, applied in main's `configure` hook before the app listens:
 * correlation ids first (so even refused bodies carry one), bounded JSON bodies whose parse errors
 * become problems, the request's async context, the problem filter, the validation pipe and the
 * OpenAPI document. The Idempotency-Key interceptor, which needs injection, comes from HttpPlatformModule.
 */
export function configureHttp(app: NestExpressApplication, options: HttpOptions = {}): void {
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  app.use(correlationMiddleware);
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
  // Express error middleware right after the parsers: Nest's own mapping would keep only a message.
  app.use((err: unknown, _req: Request, _res: Response, next: NextFunction) => next(bodyParserProblem(err) ?? err));
  // after the parsers, which would lose the async context (request-context.ts)
  app.use(requestContextMiddleware);
  app.useGlobalFilters(new ProblemExceptionFilter());
  app.useGlobalPipes(createValidationPipe());
  if (options.openApi !== false) setupOpenApi(app, options.openApi);
}
