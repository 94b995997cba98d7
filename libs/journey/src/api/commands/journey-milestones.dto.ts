import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional } from 'class-validator';
import {
  FUNDING_SOURCES, GRANT_FORMS, OBSTACLES, PERMIT_STATUSES, PROGRAMMES, REVENUE_TRENDS, TRAINING_KINDS,
  type FundingSource, type GrantForm, type Obstacle, type PermitStatus, type Programme, type RevenueTrend, type TrainingKind,
} from '../../domain';
import { CalendarDate, Flag, MAX_RUPIAH, OneOf, Text, Uuid, WholeNumber } from './field-rules';

export class RecordTrainingDto {
  @Text(200, { example: 'Pelatihan Wirausaha Resin Art' })
  title!: string;

  @Text(200, { example: 'Dinas Koperasi & UMKM Kabupaten Bekasi' })
  provider!: string;

  @OneOf(TRAINING_KINDS)
  kind!: TrainingKind;

  @CalendarDate()
  startedOn!: string;

  @CalendarDate()
  completedOn!: string;

  @WholeNumber(1, 10_000, { optional: true })
  hours?: number;

  @Flag({ optional: true })
  certified?: boolean;

  @Text(100, { optional: true })
  certificateNumber?: string;
}

export class RecordGrantDto {
  @OneOf(PROGRAMMES)
  programme!: Programme;

  @WholeNumber(1, MAX_RUPIAH, { description: 'whole rupiah', example: 20_000_000 })
  amount!: number;

  @OneOf(GRANT_FORMS)
  form!: GrantForm;

  @CalendarDate()
  receivedOn!: string;

  @OneOf(FUNDING_SOURCES)
  fundingSource!: FundingSource;

  @Uuid({ optional: true, description: 'the kelompok the grant went to; the person must have joined it by receivedOn (409 GROUP.NOT_A_MEMBER)' })
  groupId?: string;

  @Text(100, { optional: true, description: 'SK (decree) number' })
  decreeNumber?: string;
}

export class RecordMonitoringVisitDto {
  @CalendarDate()
  visitedOn!: string;

  @Flag()
  businessActive!: boolean;

  @WholeNumber(0, 10_000, { description: 'workers including the owner' })
  workersTotal!: number;

  @WholeNumber(0, 10_000, { optional: true })
  paidWorkers?: number;

  @WholeNumber(0, 10_000, { optional: true })
  unpaidWorkers?: number;

  @OneOf(REVENUE_TRENDS)
  revenueTrend!: RevenueTrend;

  @WholeNumber(0, MAX_RUPIAH, { optional: true, description: 'omzet per month, whole rupiah' })
  monthlyRevenue?: number;

  @OneOf(PERMIT_STATUSES, { optional: true })
  permitStatus?: PermitStatus;

  @Text(13, { optional: true, description: 'NIB from OSS, 13 digits' })
  nib?: string;

  @Flag({ optional: true })
  equipmentInUse?: boolean;

  @ApiPropertyOptional({ enum: OBSTACLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OBSTACLES.length)
  @ArrayUnique()
  @IsIn([...OBSTACLES], { each: true, message: `each of obstacles must be one of ${OBSTACLES.join(', ')}` })
  obstacles?: Obstacle[];

  @Text(2000, { optional: true })
  notes?: string;
}

export class GraduateDto {
  @CalendarDate()
  graduatedOn!: string;

  @Text(1000, { optional: true, description: 'what the graduation rests on, e.g. the monev result' })
  basis?: string;
}

export class WithdrawDto {
  @CalendarDate()
  withdrawnOn!: string;

  @Text(1000)
  reason!: string;
}

export class AssignCaseworkerDto {
  @Text(128, { description: 'the caseworker’s user id (token subject)' })
  caseworkerId!: string;
}

export class ErasureDto {
  @Text(1000, { description: 'why the data is erased, e.g. the person’s request under UU PDP' })
  reason!: string;

  @Text(200, { optional: true, description: 'reference of the data subject’s request' })
  requestReference?: string;
}

export class RestrictionDto {
  @Text(1000, { description: 'why processing is restricted, e.g. the person contests the accuracy of the data (UU PDP)' })
  reason!: string;

  @Text(200, { optional: true, description: 'reference of the data subject’s request' })
  requestReference?: string;

  @CalendarDate({ optional: true, description: 'defaults to today (WIB)' })
  restrictedOn?: string;
}

export class LiftRestrictionDto {
  @Text(1000, { description: 'why the restriction ends, e.g. the disputed data was verified' })
  reason!: string;

  @CalendarDate({ optional: true, description: 'defaults to today (WIB)' })
  liftedOn?: string;
}
