import { PersonalDataVault } from '@jejak/personal-data';
import { Body, Controller, Headers, Param, ParseUUIDPipe, Patch, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles, type Actor } from '@jejak/auth';
import { Ctx, requireIfMatch, type RequestContext } from '@jejak/platform';
import {
  AssignCaseworkerCommand, CorrectProfileCommand, ErasePersonalDataCommand, GraduateToLanjutanCommand, LiftProcessingRestrictionCommand,
  RecordGrantCommand, RecordMonitoringVisitCommand, RecordTrainingCommand, RegisterEntrepreneurCommand, RestrictProcessingCommand, WithdrawCommand,
  type CommandMeta, type WriteResult,
} from '../../application';
import { CorrectProfileDto } from './correct-profile.dto';
import {
  AssignCaseworkerDto, ErasureDto, GraduateDto, LiftRestrictionDto, RecordGrantDto, RecordMonitoringVisitDto, RecordTrainingDto, RestrictionDto,
  WithdrawDto,
} from './journey-milestones.dto';
import { RegisterEntrepreneurDto } from './register-entrepreneur.dto';
import { commandMeta, WriteEndpoint, written } from './write-endpoint';

/** A command class of an existing case; its input type is what the endpoint's DTO must provide. */
type EntrepreneurCommandClass<I> = new (id: string, input: I, meta: CommandMeta) => object;

/** The journey's commands (api.md). Controllers only translate HTTP; the handlers decide. */
@ApiTags('entrepreneurs')
@ApiBearerAuth('bearer')
@Roles('caseworker', 'supervisor')
@Controller('v1/entrepreneurs')
export class EntrepreneurCommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly vault: PersonalDataVault,
  ) {}

  @Post()
  @WriteEndpoint('Register an entrepreneur (Registered)', 'create')
  async register(@Body() body: RegisterEntrepreneurDto, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    // a new person's id whose data key exists already: sealing the registration costs no extra round trip
    const id = await this.vault.newSubjectId();
    const result = await this.commands.execute<RegisterEntrepreneurCommand, WriteResult>(new RegisterEntrepreneurCommand(id, { ...body }, commandMeta(actor, ctx)));
    return written(res, result, `/v1/entrepreneurs/${id}`);
  }

  @Post(':id/trainings')
  @WriteEndpoint('Record a training (Trained)', 'update')
  trainings(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordTrainingDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(RecordTrainingCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Post(':id/grants')
  @WriteEndpoint('Record assistance received (GrantReceived)', 'update')
  grants(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordGrantDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(RecordGrantCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Post(':id/monitoring-visits')
  @WriteEndpoint('Record a monitoring (monev) visit (Monitored)', 'update')
  visits(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordMonitoringVisitDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(RecordMonitoringVisitCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Post(':id/graduation')
  @WriteEndpoint('Graduate to TKM Lanjutan (GraduatedToLanjutan)', 'update')
  graduation(@Param('id', ParseUUIDPipe) id: string, @Body() body: GraduateDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(GraduateToLanjutanCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Post(':id/withdrawal')
  @WriteEndpoint('Withdraw the case (Withdrawn)', 'update')
  withdrawal(@Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(WithdrawCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Patch(':id/profile')
  @WriteEndpoint('Correct registration fields (ProfileCorrected)', 'update')
  profile(@Param('id', ParseUUIDPipe) id: string, @Body() body: CorrectProfileDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(CorrectProfileCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Put(':id/caseworker')
  @WriteEndpoint('Assign the responsible caseworker (CaseworkerAssigned)', 'update')
  caseworker(@Param('id', ParseUUIDPipe) id: string, @Body() body: AssignCaseworkerDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(AssignCaseworkerCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Post(':id/erasure')
  @WriteEndpoint('Erase the person’s personal data: crypto-shredding (PersonalDataErased)', 'update')
  erasure(@Param('id', ParseUUIDPipe) id: string, @Body() body: ErasureDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(ErasePersonalDataCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Post(':id/restriction')
  @WriteEndpoint('Restrict processing of the person’s data: stored, shown to supervisors and auditors only, closed to new facts (ProcessingRestricted)', 'update')
  restriction(@Param('id', ParseUUIDPipe) id: string, @Body() body: RestrictionDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(RestrictProcessingCommand, id, body, ifMatch, actor, ctx, res);
  }

  @Post(':id/restriction/lift')
  @WriteEndpoint('Lift the restriction of processing (ProcessingRestrictionLifted)', 'update')
  liftRestriction(@Param('id', ParseUUIDPipe) id: string, @Body() body: LiftRestrictionDto, @Headers('if-match') ifMatch: string, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return this.update(LiftProcessingRestrictionCommand, id, body, ifMatch, actor, ctx, res);
  }

  /** Writes to an existing case: If-Match is required (428 without it) and becomes the expected version. */
  private async update<I extends object>(Command: EntrepreneurCommandClass<I>, id: string, body: I, ifMatch: string | undefined, actor: Actor, ctx: RequestContext, res: Response) {
    const expectedVersion = requireIfMatch(ifMatch);
    const command = new Command(id, { ...body }, commandMeta(actor, ctx, expectedVersion));
    return written(res, await this.commands.execute<object, WriteResult>(command));
  }
}
