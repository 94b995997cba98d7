import type {
  EntrepreneurEvent, GrantReceived, Monitored, ProfileCorrected, Registered, Trained,
} from '../events/entrepreneur.events';
import type { ActiveStatus, CaseFacts, EntrepreneurState, PersonalProfile, RegisteredState } from './entrepreneur.state';
import { furthest } from './entrepreneur.state';
import { defined } from '../shared/objects';

/**
 * Folds one event into the state. It never throws and never inspects personal values: after
 * crypto-shredding the store hands them over unreadable, and history must still fold.
 */
export function evolve(state: EntrepreneurState, event: EntrepreneurEvent): EntrepreneurState {
  if (event.type === 'Registered') return state.status === 'unregistered' ? registered(event) : state;
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'Trained':
      return reach({ ...state, trainings: [...state.trainings, training(event)] }, 'trained');
    case 'GrantReceived':
      return reach({ ...state, grants: [...state.grants, grant(event)] }, 'funded');
    case 'Monitored':
      return reach({ ...state, visits: [...state.visits, visit(event)] }, state.grants.length > 0 ? 'monitored' : 'registered');
    case 'GraduatedToLanjutan':
      return state.status === 'withdrawn' ? state : { ...state, status: 'graduated', graduatedOn: event.data.graduatedOn };
    case 'Withdrawn':
      return isActive(state) ? { ...state, status: 'withdrawn', withdrawnOn: event.data.withdrawnOn, withdrawnFrom: state.status } : state;
    case 'ProfileCorrected':
      return corrected(state, event);
    case 'CaseworkerAssigned':
      return { ...state, caseworkerId: event.data.caseworkerId };
    case 'PersonalDataErased':
      return { ...state, personal: { erased: true } };
    case 'ProcessingRestricted':
      return state.restrictedOn === undefined ? { ...state, restrictedOn: event.data.restrictedOn } : state;
    case 'ProcessingRestrictionLifted': {
      const { restrictedOn: _lifted, ...unrestricted } = state;
      return unrestricted;
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

export function evolveAll(events: readonly EntrepreneurEvent[], from: EntrepreneurState = { status: 'unregistered' }): EntrepreneurState {
  return events.reduce(evolve, from);
}

function isActive(state: RegisteredState): state is RegisteredState & { status: ActiveStatus } {
  return state.status !== 'graduated' && state.status !== 'withdrawn';
}

function reach(state: RegisteredState, status: ActiveStatus): EntrepreneurState {
  return isActive(state) ? { ...state, status: furthest(state.status, status) } : state;
}

function registered({ data }: Registered): EntrepreneurState {
  const facts: CaseFacts = {
    entrepreneurId: data.entrepreneurId,
    registeredOn: data.registeredOn,
    personal: {
      erased: false, nik: data.nik, fullName: data.fullName, birthDate: data.birthDate, regionCode: data.regionCode,
      phone: data.phone, address: data.address, businessIdea: data.businessIdea,
    },
    demographics: {
      sex: data.sex, birthYear: data.birthYear, kecamatanCode: data.kecamatanCode,
      education: data.education, employmentStatus: data.employmentStatus,
    },
    trainings: [],
    grants: [],
    visits: [],
  };
  return { ...facts, status: 'registered' };
}

function training({ data }: Trained) {
  return { title: data.title, provider: data.provider, kind: data.kind, startedOn: data.startedOn, completedOn: data.completedOn };
}

function grant({ data }: GrantReceived) {
  const { entrepreneurId: _id, ...fact } = data;
  return fact;
}

function visit({ data }: Monitored) {
  const { visitedOn, businessActive, workersTotal, paidWorkers, unpaidWorkers, revenueTrend } = data;
  return { visitedOn, businessActive, workersTotal, paidWorkers, unpaidWorkers, revenueTrend };
}

function corrected(state: RegisteredState, { data }: ProfileCorrected): EntrepreneurState {
  const { fullName, birthDate, regionCode, phone, address, businessIdea, sex, education, employmentStatus, birthYear, kecamatanCode } = data;
  const personal: PersonalProfile = state.personal.erased
    ? state.personal
    : // a correction carries only the fields it changes; absent ones must not blank the old values
      { ...state.personal, ...defined({ fullName, birthDate, regionCode, phone, address, businessIdea }) };
  const demographics = { ...state.demographics, ...defined({ sex, education, employmentStatus, birthYear, kecamatanCode }) };
  return { ...state, personal, demographics };
}
