import type { ActiveStatus } from '../../domain/entrepreneur/entrepreneur.state';
import { furthest } from '../../domain/entrepreneur/entrepreneur.state';
import type { RecordedJourneyEvent, RecordedOf } from '../shared/recorded-journey-event';
import { laterDate } from '../shared/calendar';
import type { CaseloadRow, Stage } from './caseload.row';
import { nextFollowUpOn } from './follow-up.policy';

/**
 * Folds one stored event into an entrepreneur's caseload row. Stage moves mirror the domain's
 * evolve (a milestone never moves a case backwards; closed cases stay closed). An event at or
 * below the row's last position was applied already and changes nothing.
 */
export function evolveCaseload(row: CaseloadRow | undefined, event: RecordedJourneyEvent): CaseloadRow | undefined {
  if (event.type === 'Registered') return row ?? registered(event);
  if (row === undefined || event.globalPosition <= row.lastPosition) return row;
  return touched(applied(row, event), event);
}

function applied(row: CaseloadRow, event: RecordedJourneyEvent): CaseloadRow {
  switch (event.type) {
    case 'Registered':
      return row;
    case 'Trained':
      return reach(row, 'trained');
    case 'GrantReceived':
      return { ...reach(row, 'funded'), programme: event.data.programme, latestGrantOn: laterDate(row.latestGrantOn, event.data.receivedOn) };
    case 'Monitored': {
      const latestVisitOn = laterDate(row.latestVisitOn, event.data.visitedOn);
      return row.latestGrantOn === null ? { ...row, latestVisitOn } : { ...reach(row, 'monitored'), latestVisitOn };
    }
    case 'GraduatedToLanjutan':
      return row.stage === 'withdrawn' ? row : { ...row, stage: 'graduated' };
    case 'Withdrawn':
      return isActive(row.stage) ? { ...row, stage: 'withdrawn' } : row;
    case 'ProfileCorrected':
      return corrected(row, event);
    case 'CaseworkerAssigned':
      return { ...row, caseworkerId: event.data.caseworkerId };
    case 'PersonalDataErased':
      return { ...row, fullName: null, regionCode: null, erased: true };
    case 'ProcessingRestricted':
      return { ...row, restricted: true };
    case 'ProcessingRestrictionLifted':
      return { ...row, restricted: false };
    case 'GroupFormed':
    case 'MemberJoined':
      return row;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function registered(event: RecordedOf<'Registered'>): CaseloadRow {
  const { data } = event;
  return {
    entrepreneurId: data.entrepreneurId,
    fullName: readable(data.fullName),
    regionCode: readable(data.regionCode),
    kecamatanCode: data.kecamatanCode,
    stage: 'registered',
    programme: null,
    caseworkerId: null,
    registeredOn: data.registeredOn,
    latestGrantOn: null,
    latestVisitOn: null,
    nextFollowUpOn: null,
    lastEventAt: event.recordedAt,
    version: event.streamVersion,
    registeredPosition: event.globalPosition,
    lastPosition: event.globalPosition,
    erased: false,
    restricted: false,
  };
}

function corrected(row: CaseloadRow, { data }: RecordedOf<'ProfileCorrected'>): CaseloadRow {
  const kecamatanCode = data.kecamatanCode ?? row.kecamatanCode;
  if (row.erased) return { ...row, kecamatanCode };
  return {
    ...row,
    kecamatanCode,
    fullName: readable(data.fullName) ?? row.fullName,
    regionCode: readable(data.regionCode) ?? row.regionCode,
  };
}

/** A personal field whose key was destroyed arrives absent (or still sealed): treat it as gone. */
function readable(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isActive(stage: Stage): stage is ActiveStatus {
  return stage !== 'graduated' && stage !== 'withdrawn';
}

function reach(row: CaseloadRow, stage: ActiveStatus): CaseloadRow {
  return isActive(row.stage) ? { ...row, stage: furthest(row.stage, stage) } : row;
}

/** Only events of the person's own stream reach the caseload, so their version is the case's. */
function touched(row: CaseloadRow, event: RecordedJourneyEvent): CaseloadRow {
  return { ...row, version: event.streamVersion, lastEventAt: event.recordedAt, lastPosition: event.globalPosition };
}

/** The schedule depends only on the folded dates: applied once per row and batch, not per event. */
export function withFollowUp(row: CaseloadRow): CaseloadRow {
  const next = nextFollowUpOn({ withdrawn: row.stage === 'withdrawn', latestGrantOn: row.latestGrantOn, latestVisitOn: row.latestVisitOn });
  return next === row.nextFollowUpOn ? row : { ...row, nextFollowUpOn: next };
}
