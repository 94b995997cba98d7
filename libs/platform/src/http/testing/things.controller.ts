import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Inject, Injectable, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import type { Response } from 'express';
import { type EventStore, streamId } from '@jejak/event-store';
import { ConflictError, InvalidDataError, NotEligibleError } from '@jejak/journey/domain/shared/domain-error';
import { EVENT_STORE } from '../../nest/tokens';
import { requireIfMatch, setEtag, withIfMatch } from '../etag';
import { NotFoundError } from '../http-errors';
import { registerProblemMessages } from '../problem-messages';
import { Public } from '../public.decorator';
import { requestMetadata } from '../request-context';
import { CorrelationId } from '../request-context.decorators';

class AddressDto {
  @IsString() @MaxLength(100) village!: string;
}

export class CreateThingDto {
  @IsString() @MaxLength(200) name!: string;
  @IsInt() @Min(1) count!: number;
  @IsOptional() @IsArray() @IsString({ each: true }) tags?: string[];
  @IsOptional() @ValidateNested() @Type(() => AddressDto) address?: AddressDto;
}

export class RenameThingDto {
  @IsString() @MaxLength(200) name!: string;
}

/** Lets a test hold a handler mid-flight (to send a concurrent copy) without sleeping. */
@Injectable()
export class HandlerGate {
  private entered?: () => void;
  private release?: () => void;
  enteredSignal = Promise.resolve();
  releaseSignal = Promise.resolve();

  close(): void {
    this.enteredSignal = new Promise((r) => (this.entered = r));
    this.releaseSignal = new Promise((r) => (this.release = r));
  }

  open(): void {
    this.release?.();
  }

  async pass(): Promise<void> {
    this.entered?.();
    await this.releaseSignal;
  }
}

/** A minimal write API over the real event store, shaped like the case API of api.md. */
@Controller('things')
export class ThingsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly gate: HandlerGate,
  ) {
    registerProblemMessages({ 'THING.NOT_FOUND': ({ id }) => `Tidak ada thing ${id}` });
  }

  @Post()
  async create(@Body() body: CreateThingDto, @CorrelationId() correlationId: string, @Res({ passthrough: true }) res: Response) {
    await this.gate.pass();
    const id = randomUUID();
    const meta = this.meta();
    const result = await this.store.append(streamId('thing', id), [{ id: randomUUID(), type: 'ThingCreated', schemaVersion: 1, data: { ...body }, metadata: meta }], {
      expectedVersion: 'no_stream',
    });
    setEtag(res, result.version);
    res.setHeader('Location', `/things/${id}`);
    return { id, version: result.version, globalPosition: result.lastPosition, correlationId };
  }

  private meta() {
    return { actorId: 'anonymous', actorRole: 'none', correlationId: '-', causationId: '-', ...requestMetadata(), occurredAt: new Date().toISOString() };
  }

  @Patch(':id')
  async rename(@Param('id', ParseUUIDPipe) id: string, @Body() body: RenameThingDto, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) res: Response) {
    const expected = requireIfMatch(ifMatch);
    const result = await withIfMatch(expected, () =>
      this.store.append(streamId('thing', id), [{ id: randomUUID(), type: 'ThingRenamed', schemaVersion: 1, data: { ...body }, metadata: this.meta() }], { expectedVersion: expected }),
    );
    setEtag(res, result.version);
    return { id, version: result.version };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const events = await this.store.readStream(streamId('thing', id));
    if (events.length === 0) throw new NotFoundError('THING.NOT_FOUND', `no thing ${id}`, { id });
    setEtag(res, events.length);
    return { id, version: events.length, metadata: events[0].metadata };
  }

  @Post('rules/:rule')
  @HttpCode(200)
  breakRule(@Param('rule') rule: string) {
    switch (rule) {
      case 'conflict':
        throw new ConflictError('JOURNEY.NOT_TRAINED', 'a TKM Pemula grant needs a completed training');
      case 'invalid':
        throw new InvalidDataError('VALIDATION.NIK_SERIAL', 'the NIK serial must not be 0000', 'nik');
      case 'not-eligible':
        throw new NotEligibleError(['fewer than two monitoring visits']);
      case 'store-conflict':
        return this.store.append(streamId('thing', randomUUID()), [{ id: randomUUID(), type: 'ThingCreated', schemaVersion: 1, data: {}, metadata: this.meta() }], {
          expectedVersion: 5,
        });
      default:
        throw new Error(`database password is hunter2 (${rule})`);
    }
  }

  @Public()
  @Get('public/ping')
  ping() {
    return { pong: true };
  }
}
