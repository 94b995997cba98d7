import type { Sex } from '../identity/nik';
import type { IsoDate } from '../shared/dates';
import type { GrantFields, TrainingFields, VisitFields } from '../events/entrepreneur.events';
import type { EducationLevel, EmploymentStatus } from '../events/vocabulary';

/** The facts the rules look at; read models keep their own, richer rows. */
export type TrainingFact = Pick<TrainingFields, 'title' | 'provider' | 'kind' | 'startedOn' | 'completedOn'>;
export type GrantFact = GrantFields;
export type VisitFact = Pick<VisitFields, 'visitedOn' | 'businessActive' | 'workersTotal' | 'paidWorkers' | 'unpaidWorkers' | 'revenueTrend'>;

/** Personal data is either there or gone for good: after erasure nothing personal is left to hold. */
export type PersonalProfile =
  | {
      erased: false;
      nik: string;
      fullName: string;
      birthDate: IsoDate;
      regionCode: string;
      phone?: string;
      address?: string;
      businessIdea?: string;
    }
  | { erased: true };

/** Non-personal facts that survive erasure. */
export interface Demographics {
  sex: Sex;
  birthYear: number;
  kecamatanCode: string;
  education?: EducationLevel;
  employmentStatus?: EmploymentStatus;
}

export interface CaseFacts {
  entrepreneurId: string;
  registeredOn: IsoDate;
  personal: PersonalProfile;
  demographics: Demographics;
  caseworkerId?: string;
  /** since when processing is restricted (UU PDP), while it is */
  restrictedOn?: IsoDate;
  trainings: readonly TrainingFact[];
  grants: readonly GrantFact[];
  visits: readonly VisitFact[];
}

/** Stages still moving forward; `status` is the furthest milestone reached (api.md `stage`). */
export type ActiveStatus = 'registered' | 'trained' | 'funded' | 'monitored';

export type Unregistered = { status: 'unregistered' };
export type ActiveCase = CaseFacts & { status: ActiveStatus };
export type GraduatedCase = CaseFacts & { status: 'graduated'; graduatedOn: IsoDate };
export type WithdrawnCase = CaseFacts & { status: 'withdrawn'; withdrawnOn: IsoDate; withdrawnFrom: ActiveStatus };

export type EntrepreneurState = Unregistered | ActiveCase | GraduatedCase | WithdrawnCase;
export type RegisteredState = Exclude<EntrepreneurState, Unregistered>;

export const initialState: EntrepreneurState = { status: 'unregistered' };

const ORDER: readonly ActiveStatus[] = ['registered', 'trained', 'funded', 'monitored'];

/** A milestone never moves a case backwards: a new training after a grant leaves it funded. */
export function furthest(current: ActiveStatus, reached: ActiveStatus): ActiveStatus {
  return ORDER.indexOf(reached) > ORDER.indexOf(current) ? reached : current;
}

export function pemulaGrant(facts: Pick<CaseFacts, 'grants'>): GrantFact | undefined {
  return facts.grants.find((g) => g.programme === 'TKM_PEMULA');
}

/** The stages of api.md, as the read side names them. */
export const STAGES = ['registered', 'trained', 'funded', 'monitored', 'graduated', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];
