import { RequestMethod, type DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { LogLevel } from '../config';
import type { JejakRequest } from '../http/request-context';

type Req = IncomingMessage & Partial<Pick<JejakRequest, 'correlationId' | 'actor'>> & { id?: unknown; originalUrl?: string };

/** the path without its query: `?q=` carries names searched for, which are personal data */
function pathOf(req: Req): string {
  const url = req.originalUrl ?? req.url ?? '';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/**
 * Structured logs (nestjs-pino): one JSON line per line of Nest's own log and one per HTTP request,
 * with the correlation id of api.md as the request id and the actor once the token is checked.
 * What a request line holds is chosen, not dumped: method, path, status, time. No headers (tokens),
 * no query strings (name searches) and no bodies (NIK, names) ever reach the log (UU PDP).
 * Probes (`/health`, `/health/live`, `/health/ready`, `/metrics`) are not logged: they would bury everything else.
 */
export function loggingModule(level: LogLevel): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      messageKey: 'msg',
      genReqId: (req: Req) => req.correlationId ?? randomUUID(),
      quietReqLogger: true,
      customProps: (req: Req) => (req.actor ? { actor: req.actor.id, role: req.actor.role } : {}),
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: Req) => ({ method: req.method, path: pathOf(req) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customSuccessMessage: (req: Req, res: ServerResponse, ms: number) => `${req.method} ${pathOf(req)} ${res.statusCode} ${ms} ms`,
      customErrorMessage: (req: Req, res: ServerResponse) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    },
    exclude: [
      { method: RequestMethod.GET, path: 'health' },
      { method: RequestMethod.GET, path: 'health/live' },
      { method: RequestMethod.GET, path: 'health/ready' },
      { method: RequestMethod.GET, path: 'metrics' },
    ],
  });
}
