import type { Sex } from '../identity/nik';
import type { IsoDate } from '../shared/dates';
import type {
  EducationLevel, EmploymentStatus, FundingSource, GrantForm, Obstacle, PermitStatus, Programme, RevenueTrend, TrainingKind,
} from './vocabulary';

/** Events are past-tense data; the envelope (id, schemaVersion, metadata) is the store's business. */
export type DomainEvent<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** Registration fields a ProfileCorrected may change (everything but the NIK). */
export interface ProfileFields {
  fullName: string;
  birthDate: IsoDate;
  sex: Sex;
  /** Kemendagri kecamatan `PP.KK.CC` or village `PP.KK.CC.DDDD` */
  regionCode: string;
  phone?: string;
  address?: string;
  education?: EducationLevel;
  employmentStatus?: EmploymentStatus;
  businessIdea?: string;
}

/** Non-personal facts derived at decision time, so statistics survive crypto-shredding. */
export interface DerivedDemographics {
  birthYear: number;
  kecamatanCode: string;
}

export type Registered = DomainEvent<'Registered', ProfileFields & DerivedDemographics & {
  entrepreneurId: string;
  nik: string;
  registeredOn: IsoDate;
  /** false when the NIK's region part is not in today's list (regions split): a warning, kept for audit */
  nikRegionKnown: boolean;
}>;

/** What a training record holds; RecordTraining carries the same fields. */
export interface TrainingFields {
  title: string;
  provider: string;
  kind: TrainingKind;
  startedOn: IsoDate;
  completedOn: IsoDate;
  hours?: number;
  certified?: boolean;
  certificateNumber?: string;
}

export type Trained = DomainEvent<'Trained', TrainingFields & { entrepreneurId: string }>;

/** What a grant record holds; RecordGrant carries the same fields. */
export interface GrantFields {
  programme: Programme;
  /** whole rupiah */
  amount: number;
  form: GrantForm;
  receivedOn: IsoDate;
  fundingSource: FundingSource;
  groupId?: string;
  decreeNumber?: string;
}

export type GrantReceived = DomainEvent<'GrantReceived', GrantFields & { entrepreneurId: string }>;

/** What a monitoring (monev) visit records; RecordMonitoringVisit carries the same fields. */
export interface VisitFields {
  visitedOn: IsoDate;
  businessActive: boolean;
  /** including the owner */
  workersTotal: number;
  paidWorkers?: number;
  unpaidWorkers?: number;
  revenueTrend: RevenueTrend;
  /** whole rupiah per month (specific personal data under UU PDP) */
  monthlyRevenue?: number;
  permitStatus?: PermitStatus;
  /** 13-digit business id from OSS */
  nib?: string;
  equipmentInUse?: boolean;
  obstacles?: readonly Obstacle[];
  notes?: string;
}

export type Monitored = DomainEvent<'Monitored', VisitFields & {
  entrepreneurId: string;
  /** derived from nib, kept readable for the "businesses with an NIB" KPI */
  hasNib: boolean;
}>;

export type GraduatedToLanjutan = DomainEvent<'GraduatedToLanjutan', {
  entrepreneurId: string;
  graduatedOn: IsoDate;
  basis?: string;
}>;

export type Withdrawn = DomainEvent<'Withdrawn', { entrepreneurId: string; withdrawnOn: IsoDate; reason: string }>;

export type ProfileCorrected = DomainEvent<'ProfileCorrected', Partial<ProfileFields> & Partial<DerivedDemographics> & {
  entrepreneurId: string;
  reason: string;
}>;

export type CaseworkerAssigned = DomainEvent<'CaseworkerAssigned', {
  entrepreneurId: string;
  caseworkerId: string;
  previousCaseworkerId?: string;
}>;

export type PersonalDataErased = DomainEvent<'PersonalDataErased', {
  entrepreneurId: string;
  reason: string;
  requestReference?: string;
}>;

/**
 * The person's right to restriction (UU PDP): their data stays stored but is not otherwise
 * processed until the restriction is lifted. The reason is not in the data: like erasure's, it
 * goes to metadata.reason, so the event holds nothing personal.
 */
export type ProcessingRestricted = DomainEvent<'ProcessingRestricted', {
  entrepreneurId: string;
  restrictedOn: IsoDate;
  requestReference?: string;
}>;

export type ProcessingRestrictionLifted = DomainEvent<'ProcessingRestrictionLifted', { entrepreneurId: string; liftedOn: IsoDate }>;

export type EntrepreneurEvent =
  | Registered
  | Trained
  | GrantReceived
  | Monitored
  | GraduatedToLanjutan
  | Withdrawn
  | ProfileCorrected
  | CaseworkerAssigned
  | PersonalDataErased
  | ProcessingRestricted
  | ProcessingRestrictionLifted;
