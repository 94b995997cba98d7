import { PROGRAMMES, type Programme } from '../../domain';
import { CalendarDate, OneOf, RegionCode, Text, Uuid } from './field-rules';

export class FormGroupDto {
  @Text(200, { example: 'Kelompok Resin Art Maju Bersama' })
  name!: string;

  @RegionCode({ description: 'where the group runs its business' })
  regionCode!: string;

  @Text(200, { example: 'kerajinan resin' })
  businessType!: string;

  @OneOf(PROGRAMMES, { optional: true, description: 'defaults to TKM_PEMULA' })
  programme?: Programme;

  @CalendarDate({ optional: true, description: 'defaults to today' })
  formedOn?: string;
}

export class JoinGroupDto {
  @Uuid()
  entrepreneurId!: string;

  @CalendarDate({ optional: true, description: 'defaults to today' })
  joinedOn?: string;
}
