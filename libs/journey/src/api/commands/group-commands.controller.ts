import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles, type Actor } from '@jejak/auth';
import { Ctx, requireIfMatch, type RequestContext } from '@jejak/platform';
import { FormGroupCommand, JoinGroupCommand, type WriteResult } from '../../application';
import { FormGroupDto, JoinGroupDto } from './group.dto';
import { commandMeta, WriteEndpoint, written } from './write-endpoint';

@ApiTags('groups')
@ApiBearerAuth('bearer')
@Roles('caseworker', 'supervisor')
@Controller('v1/groups')
export class GroupCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @WriteEndpoint('Form a kelompok (GroupFormed)', 'create')
  async form(@Body() body: FormGroupDto, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const id = randomUUID();
    const result = await this.commands.execute<FormGroupCommand, WriteResult>(new FormGroupCommand(id, { ...body }, commandMeta(actor, ctx)));
    return written(res, result, `/v1/groups/${id}`);
  }

  @Post(':id/members')
  @WriteEndpoint('Add a registered entrepreneur to the group (MemberJoined)', 'update')
  async join(@Param('id', ParseUUIDPipe) id: string, @Body() body: JoinGroupDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    const meta = commandMeta(actor, ctx, requireIfMatch(ifMatch));
    return written(res, await this.commands.execute<JoinGroupCommand, WriteResult>(new JoinGroupCommand(id, { ...body }, meta)));
  }
}
