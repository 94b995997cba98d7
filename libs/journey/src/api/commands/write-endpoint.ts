import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProperty, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@jejak/auth';
import { setEtag, type RequestContext } from '@jejak/platform';
import type { CommandMeta, WriteResult } from '../../application';

export class WriteResultDto implements WriteResult {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'the stream version after the write; also the ETag' })
  version!: number;

  @ApiProperty({ description: 'pass as ?minPosition= to a query to read your own write' })
  globalPosition!: number;
}

export const problem = (status: number, description: string) => ApiResponse({ status, description, content: { 'application/problem+json': {} } });

/** OpenAPI and status code of a write: 201 + Location on create, 200 with If-Match otherwise. */
export function WriteEndpoint(summary: string, kind: 'create' | 'update'): MethodDecorator {
  const common = [
    ApiOperation({ summary }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first response' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    problem(401, 'no or bad token'),
    problem(403, 'role or kecamatan outside the token'),
    problem(409, 'the programme rules refuse it (code e.g. JOURNEY.NOT_TRAINED)'),
    problem(422, 'invalid data (errors lists the fields)'),
  ];
  if (kind === 'create')
    return applyDecorators(HttpCode(201), ...common, ApiResponse({ status: 201, type: WriteResultDto, headers: { ETag: {}, Location: {} } }));
  return applyDecorators(
    HttpCode(200),
    ...common,
    ApiHeader({ name: 'If-Match', required: true, description: 'the ETag you last read, e.g. "3"' }),
    ApiResponse({ status: 200, type: WriteResultDto, headers: { ETag: {} } }),
    problem(404, 'no such case or group'),
    problem(412, 'the case or group changed since that version'),
    problem(428, 'If-Match is missing'),
  );
}

export function commandMeta(actor: Actor, ctx: RequestContext, expectedVersion?: number): CommandMeta {
  return { commandId: ctx.requestId, actor, correlationId: ctx.correlationId, expectedVersion, receivedAt: new Date().toISOString() };
}

/** Sets ETag (and Location on create) and returns the body, so Idempotency-Key can record both. */
export function written(res: Response, result: WriteResult, location?: string): WriteResult {
  setEtag(res, result.version);
  if (location) res.setHeader('Location', location);
  return result;
}
