import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Roles } from '@jejak/auth';
import { HttpProblem } from '@jejak/platform';
import type { DeadLetter } from '../engine/dead-letter-store';
import type { ProjectionStatus } from '../engine/projection-status';
import { RebuildInProgressError, UnknownProjectionError } from '../engine/rebuild-errors';
import { ProjectionsService } from './projections.service';

function asProblem(err: unknown): unknown {
  if (err instanceof UnknownProjectionError)
    return new HttpProblem(404, err.code, err.message, { params: { projection: err.projection } });
  if (err instanceof RebuildInProgressError)
    return new HttpProblem(409, err.code, err.message, { params: { projection: err.projection } });
  return err;
}

/** Operating the read models (role admin): status and lag, rebuilds, dead letters. */
@Controller('v1/admin/projections')
@Roles('admin')
export class ProjectionsAdminController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  async list(): Promise<{ leader: boolean; projections: ProjectionStatus[] }> {
    return { leader: this.projections.engine.isLeader, projections: await this.projections.engine.statuses() };
  }

  /** starts a rebuild into fresh tables (swapped in when caught up); progress shows in GET */
  @Post(':name/rebuild')
  @HttpCode(202)
  async rebuild(@Param('name') name: string): Promise<{ projection: string; status: 'started' }> {
    try {
      await this.projections.engine.startRebuild(name);
      return { projection: name, status: 'started' };
    } catch (err) {
      throw asProblem(err);
    }
  }

  @Get('dead-letters')
  async deadLetters(@Query('projection') projection?: string, @Query('includeResolved') includeResolved?: string): Promise<{ items: DeadLetter[] }> {
    return { items: await this.projections.engine.deadLetters({ projection, includeResolved: includeResolved === 'true' }) };
  }

  @Post('dead-letters/:id/retry')
  @HttpCode(200)
  async retry(@Param('id') idRaw: string): Promise<unknown> {
    const id = Number(idRaw);
    if (!/^\d+$/.test(idRaw) || !Number.isSafeInteger(id))
      throw new HttpProblem(400, 'PROJECTIONS.INVALID_ID', 'dead letter id must be a positive integer');
    const result = await this.projections.engine.retryDeadLetter(id);
    switch (result.outcome) {
      case 'not_found':
        throw new HttpProblem(404, 'PROJECTIONS.DEAD_LETTER_NOT_FOUND', `no dead letter ${id}`, { params: { id } });
      case 'failed':
        throw new HttpProblem(422, 'PROJECTIONS.RETRY_FAILED', `the event still fails: ${result.error}`, {
          params: { id, cause: result.error },
          extensions: { deadLetter: result.deadLetter },
        });
      case 'resolved':
      case 'already_resolved':
        return result;
      default: {
        const _exhaustive: never = result;
        return _exhaustive;
      }
    }
  }
}
