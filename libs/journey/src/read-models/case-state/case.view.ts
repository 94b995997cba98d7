import type { RegisteredState } from '../../domain/entrepreneur/entrepreneur.state';
import type { IsoDate } from '../../domain/shared/dates';
import type { Stage } from '../caseload/caseload.row';
import { nextFollowUpOn } from '../caseload/follow-up.policy';
import { latestOf } from '../shared/calendar';

/** What GET /v1/entrepreneurs/{id} answers: the folded case, personal fields null once erased. */
export interface CaseView {
  id: string;
  version: number;
  stage: Stage;
  fullName: string | null;
  birthDate: IsoDate | null;
  regionCode: string | null;
  phone: string | null;
  address: string | null;
  businessIdea: string | null;
  /** only the region and serial stay visible: enough to recognise a person, not to impersonate them */
  nikMasked: string | null;
  personalDataErased: boolean;
  /** processing restricted (UU PDP): personal fields are shown to supervisors and auditors only */
  processingRestricted: boolean;
  restrictedOn: IsoDate | null;
  sex: string;
  birthYear: number;
  kecamatanCode: string;
  education: string | null;
  employmentStatus: string | null;
  caseworkerId: string | null;
  registeredOn: IsoDate;
  trainings: RegisteredState['trainings'];
  grants: RegisteredState['grants'];
  visits: RegisteredState['visits'];
  graduatedOn: IsoDate | null;
  withdrawnOn: IsoDate | null;
  nextFollowUpOn: IsoDate | null;
  /** the instant of the latest event folded in */
  lastEventAt: string;
}

export function caseView(state: RegisteredState, version: number, lastEventAt: Date, keyDestroyed: boolean): CaseView {
  const p = state.personal.erased ? undefined : state.personal;
  const d = state.demographics;
  return {
    id: state.entrepreneurId,
    version,
    stage: state.status,
    fullName: p?.fullName ?? null,
    birthDate: p?.birthDate ?? null,
    regionCode: p?.regionCode ?? null,
    phone: p?.phone ?? null,
    address: p?.address ?? null,
    businessIdea: p?.businessIdea ?? null,
    nikMasked: typeof p?.nik === 'string' ? `${p.nik.slice(0, 6)}******${p.nik.slice(-4)}` : null,
    personalDataErased: state.personal.erased || keyDestroyed,
    processingRestricted: state.restrictedOn !== undefined,
    restrictedOn: state.restrictedOn ?? null,
    sex: d.sex,
    birthYear: d.birthYear,
    kecamatanCode: d.kecamatanCode,
    education: d.education ?? null,
    employmentStatus: d.employmentStatus ?? null,
    caseworkerId: state.caseworkerId ?? null,
    registeredOn: state.registeredOn,
    trainings: state.trainings,
    grants: state.grants,
    visits: state.visits,
    graduatedOn: state.status === 'graduated' ? state.graduatedOn : null,
    withdrawnOn: state.status === 'withdrawn' ? state.withdrawnOn : null,
    nextFollowUpOn: nextFollowUpOn({
      withdrawn: state.status === 'withdrawn',
      latestGrantOn: latestOf(state.grants.map((g) => g.receivedOn)),
      latestVisitOn: latestOf(state.visits.map((v) => v.visitedOn)),
    }),
    lastEventAt: lastEventAt.toISOString(),
  };
}

/** The personal fields of the case view. */
export const CASE_PERSONAL_FIELDS = ['fullName', 'birthDate', 'regionCode', 'phone', 'address', 'businessIdea', 'nikMasked'] as const satisfies readonly (keyof CaseView)[];

/** The case as an erased one shows, but still marked as held: what a restricted case shows to casework. */
export function withoutPersonalFields(view: CaseView): CaseView {
  return { ...view, ...Object.fromEntries(CASE_PERSONAL_FIELDS.map((f) => [f, null])) };
}
