import type { GrantFields, ProfileFields, TrainingFields, VisitFields } from '../events/entrepreneur.events';
import type { Instant, IsoDate } from '../shared/dates';

/**
 * Commands are requests, in the imperative. Each carries the case id and `now`, the instant the
 * application received it: the domain has no clock, and "not in the future" is judged against it.
 * Field names follow the HTTP contract (api.md); a record's fields are the event's own field list
 * (TrainingFields, ...), since the event stores them as given. Optional fields may be absent, never null.
 */
type Command<Type extends string, Fields> = Readonly<{ type: Type; entrepreneurId: string; now: Instant } & Fields>;

export type RegisterEntrepreneur = Command<'RegisterEntrepreneur', ProfileFields & {
  nik: string;
  /** for paper records entered later; defaults to today (WIB) */
  registeredOn?: IsoDate;
}>;

export type RecordTraining = Command<'RecordTraining', TrainingFields>;

/** The kelompok a grant names, as the grant's rules need it (the application reads the group's stream). */
export interface GrantGroup {
  /** false when no kelompok was formed under the grant's groupId */
  formed: boolean;
  /** the day the grantee joined the kelompok; undefined when they are not a member */
  memberSince?: IsoDate;
}

/** With `groupId`, `group` says where the grantee stands in that kelompok; without it, not a member. */
export type RecordGrant = Command<'RecordGrant', GrantFields & { group?: GrantGroup }>;

export type RecordMonitoringVisit = Command<'RecordMonitoringVisit', VisitFields>;

export type GraduateToLanjutan = Command<'GraduateToLanjutan', { graduatedOn: IsoDate; basis?: string }>;

export type Withdraw = Command<'Withdraw', { withdrawnOn: IsoDate; reason: string }>;

/** Any registration field except the NIK: a wrong NIK is a wrong person, so it is a new registration. */
export type CorrectProfile = Command<'CorrectProfile', Partial<ProfileFields> & { reason: string }>;

export type AssignCaseworker = Command<'AssignCaseworker', { caseworkerId: string }>;

export type ErasePersonalData = Command<'ErasePersonalData', { reason: string; requestReference?: string }>;

/** restrictedOn defaults to today (WIB); the reason goes to metadata.reason, not into the event */
export type RestrictProcessing = Command<'RestrictProcessing', { reason: string; requestReference?: string; restrictedOn?: IsoDate }>;

/** liftedOn defaults to today (WIB) */
export type LiftProcessingRestriction = Command<'LiftProcessingRestriction', { reason: string; liftedOn?: IsoDate }>;

export type EntrepreneurCommand =
  | RegisterEntrepreneur
  | RecordTraining
  | RecordGrant
  | RecordMonitoringVisit
  | GraduateToLanjutan
  | Withdraw
  | CorrectProfile
  | AssignCaseworker
  | ErasePersonalData
  | RestrictProcessing
  | LiftProcessingRestriction;
