import type { Sex } from '../identity/nik';
import type { Instant, IsoDate } from '../shared/dates';
import type {
  EducationLevel, EmploymentStatus, FundingSource, GrantForm, Obstacle, PermitStatus, Programme, RevenueTrend, TrainingKind,
} from '../events/vocabulary';

/**
 * Commands are requests, in the imperative. Each carries the case id and `now`, the instant the
 * application received it: the domain has no clock, and "not in the future" is judged against it.
 * Field names follow the HTTP contract (api.md); optional fields may be absent, never null.
 */
type Command<Type extends string, Fields> = Readonly<{ type: Type; entrepreneurId: string; now: Instant } & Fields>;

export interface ProfileInput {
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

export type RegisterEntrepreneur = Command<'RegisterEntrepreneur', ProfileInput & {
  nik: string;
  /** for paper records entered later; defaults to today (WIB) */
  registeredOn?: IsoDate;
}>;

export type RecordTraining = Command<'RecordTraining', {
  title: string;
  provider: string;
  kind: TrainingKind;
  startedOn: IsoDate;
  completedOn: IsoDate;
  hours?: number;
  certified?: boolean;
  certificateNumber?: string;
}>;

export type RecordGrant = Command<'RecordGrant', {
  programme: Programme;
  /** whole rupiah */
  amount: number;
  form: GrantForm;
  receivedOn: IsoDate;
  fundingSource: FundingSource;
  groupId?: string;
  decreeNumber?: string;
}>;

export type RecordMonitoringVisit = Command<'RecordMonitoringVisit', {
  visitedOn: IsoDate;
  businessActive: boolean;
  /** including the owner */
  workersTotal: number;
  paidWorkers?: number;
  unpaidWorkers?: number;
  revenueTrend: RevenueTrend;
  /** whole rupiah per month */
  monthlyRevenue?: number;
  permitStatus?: PermitStatus;
  /** 13-digit business id from OSS */
  nib?: string;
  equipmentInUse?: boolean;
  obstacles?: readonly Obstacle[];
  notes?: string;
}>;

export type GraduateToLanjutan = Command<'GraduateToLanjutan', { graduatedOn: IsoDate; basis?: string }>;

export type Withdraw = Command<'Withdraw', { withdrawnOn: IsoDate; reason: string }>;

/** Any registration field except the NIK: a wrong NIK is a wrong person, so it is a new registration. */
export type CorrectProfile = Command<'CorrectProfile', Partial<ProfileInput> & { reason: string }>;

export type AssignCaseworker = Command<'AssignCaseworker', { caseworkerId: string }>;

export type ErasePersonalData = Command<'ErasePersonalData', { reason: string; requestReference?: string }>;

export type EntrepreneurCommand =
  | RegisterEntrepreneur
  | RecordTraining
  | RecordGrant
  | RecordMonitoringVisit
  | GraduateToLanjutan
  | Withdraw
  | CorrectProfile
  | AssignCaseworker
  | ErasePersonalData;
