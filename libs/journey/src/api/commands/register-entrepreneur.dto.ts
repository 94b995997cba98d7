import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { EDUCATION_LEVELS, EMPLOYMENT_STATUSES, SEXES, type EducationLevel, type EmploymentStatus, type Sex } from '../../domain';
import { CalendarDate, Format, OneOf, RegionCode, Text } from './field-rules';

/** The registration fields a profile correction may also change (all but the NIK). */
export class ProfileFieldsDto {
  @Text(200, { description: 'name as on the KTP', example: 'Siti Aminah' })
  fullName!: string;

  @CalendarDate({ example: '1998-04-12' })
  birthDate!: string;

  @OneOf(SEXES)
  sex!: Sex;

  @RegionCode({ description: 'where the person lives: Kemendagri kecamatan or village code' })
  regionCode!: string;

  @Text(30, { optional: true, example: '081234567890' })
  phone?: string;

  @Text(500, { optional: true, description: 'street, RT/RW' })
  address?: string;

  @OneOf(EDUCATION_LEVELS, { optional: true })
  education?: EducationLevel;

  @OneOf(EMPLOYMENT_STATUSES, { optional: true })
  employmentStatus?: EmploymentStatus;

  @Text(2000, { optional: true })
  businessIdea?: string;
}

export class RegisterEntrepreneurDto extends ProfileFieldsDto {
  @ApiProperty({ description: 'NIK, 16 digits; checked for birth date, sex and serial', example: '3216015204980001' })
  @IsString()
  @Format('nik', /^\d{16}$/, 'nik must be exactly 16 digits')
  nik!: string;

  @CalendarDate({ optional: true, description: 'for paper records entered later; defaults to today' })
  registeredOn?: string;
}
