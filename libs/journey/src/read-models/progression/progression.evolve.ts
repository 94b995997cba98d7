import type { ActiveStatus } from '../../domain/entrepreneur/entrepreneur.state';
import { furthest } from '../../domain/entrepreneur/entrepreneur.state';
import type { IsoDate } from '../../domain/shared/dates';
import type { Stage } from '../caseload/caseload.row';
import { addMonths } from '../shared/calendar';
import type { RecordedJourneyEvent, RecordedOf } from '../shared/recorded-journey-event';
import { SURVIVAL_MILESTONES, type ProgressionRow, type SurvivalMilestone } from './progression.row';

const SURVIVAL_FIELD = { 6: 'active6m', 12: 'active12m', 24: 'active24m' } as const satisfies Record<SurvivalMilestone, keyof ProgressionRow>;

export function evolveProgression(row: ProgressionRow | undefined, event: RecordedJourneyEvent): ProgressionRow | undefined {
  if (event.type === 'Registered') return row ?? registered(event);
  if (row === undefined || event.globalPosition <= row.lastPosition) return row;
  const next = { ...row, lastPosition: event.globalPosition };
  switch (event.type) {
    case 'Trained':
      return reach({ ...next, trainedOn: next.trainedOn ?? event.data.completedOn }, 'trained');
    case 'GrantReceived':
      return next.fundedOn !== null
        ? next
        : reach({ ...next, fundedOn: event.data.receivedOn, programme: event.data.programme }, 'funded');
    case 'Monitored':
      return monitored(next, event);
    case 'GraduatedToLanjutan':
      return next.stage === 'withdrawn' ? next : { ...next, stage: 'graduated', graduatedOn: event.data.graduatedOn };
    case 'Withdrawn':
      return isActive(next.stage) ? { ...next, stage: 'withdrawn', withdrawnOn: event.data.withdrawnOn } : next;
    case 'ProfileCorrected':
      return { ...next, kecamatanCode: event.data.kecamatanCode ?? next.kecamatanCode };
    case 'CaseworkerAssigned':
    case 'PersonalDataErased':
    case 'ProcessingRestricted':
    case 'ProcessingRestrictionLifted':
    case 'GroupFormed':
    case 'MemberJoined':
      return next;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

function registered({ data, globalPosition }: RecordedOf<'Registered'>): ProgressionRow {
  return {
    entrepreneurId: data.entrepreneurId, registeredOn: data.registeredOn, kecamatanCode: data.kecamatanCode, programme: null,
    stage: 'registered', trainedOn: null, fundedOn: null, monitoredOn: null, graduatedOn: null, withdrawnOn: null,
    active6m: null, active12m: null, active24m: null, latestVisitOn: null, latestBusinessActive: null, latestWorkersTotal: null,
    hasNib: false, lastPosition: globalPosition,
  };
}

/** Visits before the first grant monitor nothing funded yet: they do not move the case or survival. */
function monitored(row: ProgressionRow, { data }: RecordedOf<'Monitored'>): ProgressionRow {
  if (row.fundedOn === null) return row;
  const fundedOn = row.fundedOn;
  const latest = row.latestVisitOn === null || data.visitedOn >= row.latestVisitOn;
  let next: ProgressionRow = {
    ...row,
    monitoredOn: row.monitoredOn ?? data.visitedOn,
    hasNib: row.hasNib || data.hasNib,
    ...(latest ? { latestVisitOn: data.visitedOn, latestBusinessActive: data.businessActive, latestWorkersTotal: data.workersTotal } : {}),
  };
  for (const months of SURVIVAL_MILESTONES) {
    const field = SURVIVAL_FIELD[months];
    next = { ...next, [field]: survival(next[field], fundedOn, months, data.visitedOn, data.businessActive) };
  }
  return reach(next, 'monitored');
}

/**
 * Evidence rule, independent of the order visits are entered: a running business seen at or
 * after the milestone proves it survived to it (and wins); a closed one seen at or before it
 * proves it did not; other visits say nothing about that milestone.
 */
function survival(known: boolean | null, fundedOn: IsoDate, months: number, visitedOn: IsoDate, active: boolean): boolean | null {
  const milestone = addMonths(fundedOn, months);
  if (active && visitedOn >= milestone) return true;
  if (!active && visitedOn <= milestone && known !== true) return false;
  return known;
}

function isActive(stage: Stage): stage is ActiveStatus {
  return stage !== 'graduated' && stage !== 'withdrawn';
}

function reach(row: ProgressionRow, stage: ActiveStatus): ProgressionRow {
  return isActive(row.stage) ? { ...row, stage: furthest(row.stage, stage) } : row;
}
