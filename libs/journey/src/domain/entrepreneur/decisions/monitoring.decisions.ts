import type { EntrepreneurEvent, Monitored } from '../../events/entrepreneur.events';
import type { RecordMonitoringVisit } from '../entrepreneur.commands';
import type { EntrepreneurState } from '../entrepreneur.state';
import { requireOpenCase } from '../entrepreneur.guards';
import { assertBoolean, assertNonNegativeInteger, assertNotBefore, assertOneOf, assertPastDate, assertText, conflict, ifPresent } from '../../shared/checks';
import { InvalidDataError } from '../../shared/domain-error';
import { ErrorCode } from '../../shared/error-codes';
import { earliest } from '../../shared/dates';
import { defined } from '../../shared/objects';
import { OBSTACLES, PERMIT_STATUSES, REVENUE_TRENDS } from '../../events/vocabulary';

const NIB = /^\d{13}$/;

export function recordMonitoringVisit(command: RecordMonitoringVisit, state: EntrepreneurState): EntrepreneurEvent[] {
  requireOpenCase(state);
  const { entrepreneurId, now, visitedOn, businessActive, workersTotal, revenueTrend } = command;
  if (state.grants.length === 0) conflict(ErrorCode.NOT_FUNDED, 'monitoring visits follow a grant; no grant is recorded');
  assertPastDate('visitedOn', visitedOn, now);
  assertNotBefore('visitedOn', visitedOn, 'firstGrant', earliest(state.grants.map((g) => g.receivedOn))!);
  assertBoolean('businessActive', businessActive);
  checkWorkers(command);
  assertOneOf('revenueTrend', revenueTrend, REVENUE_TRENDS);
  ifPresent(command.monthlyRevenue, (v) => assertNonNegativeInteger('monthlyRevenue', v));
  ifPresent(command.permitStatus, (v) => assertOneOf('permitStatus', v, PERMIT_STATUSES));
  ifPresent(command.nib, (v) => {
    if (typeof v !== 'string' || !NIB.test(v)) throw new InvalidDataError(ErrorCode.NIB_FORMAT, 'nib must be the 13-digit OSS business id', 'nib');
  });
  ifPresent(command.equipmentInUse, (v) => assertBoolean('equipmentInUse', v));
  ifPresent(command.obstacles, (list) => {
    if (!Array.isArray(list)) throw new InvalidDataError(ErrorCode.VALUE_NOT_ALLOWED, 'obstacles must be a list', 'obstacles', undefined, { expected: 'list' });
    list.forEach((o, i) => assertOneOf(`obstacles[${i}]`, o, OBSTACLES));
  });
  ifPresent(command.notes, (v) => assertText('notes', v));
  const sameDay = state.visits.find((v) => v.visitedOn === visitedOn);
  if (sameDay) {
    const same = sameDay.businessActive === businessActive && sameDay.workersTotal === workersTotal && sameDay.revenueTrend === revenueTrend
      && sameDay.paidWorkers === command.paidWorkers && sameDay.unpaidWorkers === command.unpaidWorkers;
    if (same) return [];
    conflict(ErrorCode.VISIT_ALREADY_RECORDED, `a different monitoring visit is already recorded on ${visitedOn}`, 'visitedOn', { on: visitedOn });
  }
  const data: Monitored['data'] = {
    entrepreneurId, visitedOn, businessActive, workersTotal, revenueTrend,
    ...defined({
      paidWorkers: command.paidWorkers, unpaidWorkers: command.unpaidWorkers, monthlyRevenue: command.monthlyRevenue,
      permitStatus: command.permitStatus, nib: command.nib, equipmentInUse: command.equipmentInUse,
      obstacles: command.obstacles ? [...command.obstacles] : undefined, notes: command.notes,
    }),
    hasNib: command.nib !== undefined,
  };
  return [{ type: 'Monitored', data }];
}

/** workersTotal includes the owner, so a running business has at least one; paid and unpaid are part of it. */
function checkWorkers({ businessActive, workersTotal, paidWorkers, unpaidWorkers }: RecordMonitoringVisit): void {
  assertNonNegativeInteger('workersTotal', workersTotal);
  ifPresent(paidWorkers, (v) => assertNonNegativeInteger('paidWorkers', v));
  ifPresent(unpaidWorkers, (v) => assertNonNegativeInteger('unpaidWorkers', v));
  if (businessActive && workersTotal < 1)
    throw new InvalidDataError(ErrorCode.WORKERS_INCONSISTENT, 'a running business has at least its owner: workersTotal >= 1', 'workersTotal', undefined, { rule: 'owner' });
  if ((paidWorkers ?? 0) + (unpaidWorkers ?? 0) > workersTotal)
    throw new InvalidDataError(ErrorCode.WORKERS_INCONSISTENT, 'paidWorkers + unpaidWorkers cannot exceed workersTotal', 'workersTotal', undefined, { rule: 'sum' });
}
