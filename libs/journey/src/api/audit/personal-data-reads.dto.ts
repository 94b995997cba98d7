import { ApiProperty } from '@nestjs/swagger';
import type { ReadPersonItem, ReadsByActorPage } from '../../read-models/processing-trail/reads-by-actor.query';
import { READ_PURPOSES } from '../queries/personal-data-reads';

class ReadPersonDto implements ReadPersonItem {
  @ApiProperty({ format: 'uuid' })
  entrepreneurId!: string;

  @ApiProperty({ type: String, nullable: true, example: '32.16.01', description: 'where the case is run' })
  kecamatanCode!: string | null;

  @ApiProperty({ description: 'responses that showed this person to the account in the window' })
  reads!: number;

  @ApiProperty({ format: 'date-time' })
  firstReadAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastReadAt!: string;

  @ApiProperty({ isArray: true, enum: READ_PURPOSES })
  purposes!: string[];
}

/** OpenAPI shape of GET /v1/audit/personal-data-reads. */
export class ReadsByActorDto implements ReadsByActorPage {
  @ApiProperty({ example: 'cw-ani' })
  actorId!: string;

  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ description: 'how many people the account was shown in the window (all pages)' })
  people!: number;

  @ApiProperty({ type: [ReadPersonDto], description: 'in id order' })
  items!: ReadPersonDto[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page; null on the last' })
  nextCursor!: string | null;
}
