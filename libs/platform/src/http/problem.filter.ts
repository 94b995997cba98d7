import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { preferredLanguage } from './language';
import { toProblem } from './problem';
import type { JejakRequest } from './request-context';

/** The one place errors become HTTP answers (style.md rule 6): `application/problem+json`. */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const req = host.switchToHttp().getRequest<JejakRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const problem = toProblem(exception, preferredLanguage(req.get?.('Accept-Language')), {
      path: req.path,
      correlationId: req.correlationId,
    });
    if (problem.status >= 500) {
      const stack = exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
      this.log.error(`${req.method} ${req.path} failed [correlation ${req.correlationId ?? '-'}]: ${stack}`);
    }
    // A stream (Server-Sent Events) that fails after its headers went out can only be cut.
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [name, value] of Object.entries(problem.headers)) res.setHeader(name, value);
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem.body));
  }
}
