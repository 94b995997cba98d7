import { ApiExtraModels, ApiProperty, type ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import type { TrailRead, TrailWrite } from '../../read-models/processing-trail/processing-trail';
import type { ExportedFact, PersonalDataExport } from '../../read-models/personal-data-export/personal-data-export.query';
import type { ProcessingTrailPage } from '../../read-models/processing-trail/processing-trail.query';
import { READ_PURPOSES } from './personal-data-reads';

class TrailActorDto {
  @ApiProperty({ example: 'cw-ani' })
  id!: string;

  @ApiProperty({ example: 'caseworker' })
  role!: string;
}

/** OpenAPI shape of a write in GET /v1/entrepreneurs/{id}/processing-trail. */
export class TrailWriteDto implements TrailWrite {
  @ApiProperty({ enum: ['write'] })
  kind!: 'write';

  @ApiProperty({ format: 'date-time', description: 'when the event was recorded' })
  at!: string;

  @ApiProperty({ type: TrailActorDto })
  actor!: TrailActorDto;

  @ApiProperty({ description: 'X-Correlation-Id of the request that wrote it' })
  correlationId!: string;

  @ApiProperty({ example: 'Monitored', description: 'the event type (docs/events.md); its data is not shown' })
  eventType!: string;

  @ApiProperty({ description: 'the stream version the event took' })
  version!: number;
}

export class TrailReadDto implements TrailRead {
  @ApiProperty({ enum: ['read'] })
  kind!: 'read';

  @ApiProperty({ format: 'date-time', description: 'when the response that showed the data was prepared' })
  at!: string;

  @ApiProperty({ type: TrailActorDto })
  actor!: TrailActorDto;

  @ApiProperty({ description: 'X-Correlation-Id of the request that read it' })
  correlationId!: string;

  @ApiProperty({ enum: READ_PURPOSES, description: 'what showed the data: the case (now or asOf), the caseload list or name search, a group, the Lanjutan eligibility list' })
  purpose!: string;
}

const TRAIL_ITEMS: ApiPropertyOptions = {
  description: 'oldest first; a write before a read of the same millisecond',
  type: 'array',
  items: { oneOf: [{ $ref: getSchemaPath(TrailWriteDto) }, { $ref: getSchemaPath(TrailReadDto) }], discriminator: { propertyName: 'kind', mapping: { write: getSchemaPath(TrailWriteDto), read: getSchemaPath(TrailReadDto) } } },
};

@ApiExtraModels(TrailWriteDto, TrailReadDto)
export class ProcessingTrailDto implements Omit<ProcessingTrailPage, 'items'> {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '32.16.01' })
  kecamatanCode!: string;

  @ApiProperty(TRAIL_ITEMS)
  items!: (TrailWriteDto | TrailReadDto)[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last' })
  nextCursor!: string | null;
}

class ExportedFactDto implements ExportedFact {
  @ApiProperty({ description: 'the stream version the fact took' })
  version!: number;

  @ApiProperty({ example: 'Registered', description: 'the event type (docs/events.md)' })
  type!: string;

  @ApiProperty({ format: 'date-time', description: 'when it happened, as the caseworker stated it' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'when it was recorded' })
  recordedAt!: string;

  @ApiProperty({ type: TrailActorDto })
  actor!: TrailActorDto;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "the event's fields, personal ones opened; absent once erased" })
  data!: Record<string, unknown>;
}

/** OpenAPI shape of GET /v1/entrepreneurs/{id}/personal-data. */
@ApiExtraModels(TrailWriteDto, TrailReadDto)
export class PersonalDataExportDto implements Omit<PersonalDataExport, 'current' | 'processingTrail'> {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  generatedAt!: string;

  @ApiProperty({ example: '32.16.01' })
  kecamatanCode!: string;

  @ApiProperty()
  personalDataErased!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the case as GET /v1/entrepreneurs/{id} answers it' })
  current!: Record<string, unknown>;

  @ApiProperty({ type: [ExportedFactDto], description: 'every fact of the case, oldest first' })
  facts!: ExportedFactDto[];

  @ApiProperty(TRAIL_ITEMS)
  processingTrail!: (TrailWriteDto | TrailReadDto)[];
}
