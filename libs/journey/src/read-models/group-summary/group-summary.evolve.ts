import type { Programme } from '../../domain/events/vocabulary';
import type { IsoDate } from '../../domain/shared/dates';
import type { RecordedJourneyEvent } from '../shared/recorded-journey-event';

/** A kelompok as supervisors see it: who it is, how many joined, how much it received. */
export interface GroupSummaryRow {
  groupId: string;
  /** null until GroupFormed is seen (a grant naming the group may come first in a rebuild of odd data) */
  name: string | null;
  regionCode: string | null;
  kecamatanCode: string | null;
  businessType: string | null;
  programme: Programme | null;
  formedOn: IsoDate | null;
  maxMembers: number | null;
  membersCount: number;
  grantTotal: number;
  grantsCount: number;
  lastPosition: number;
}

/** The group a stored event is about, if any. */
export function groupIdOf(event: RecordedJourneyEvent): string | undefined {
  switch (event.type) {
    case 'GroupFormed':
    case 'MemberJoined':
      return event.data.groupId;
    case 'GrantReceived':
      return event.data.groupId;
    default:
      return undefined;
  }
}

export function evolveGroupSummary(row: GroupSummaryRow | undefined, event: RecordedJourneyEvent): GroupSummaryRow | undefined {
  const groupId = groupIdOf(event);
  if (groupId === undefined) return row;
  const current = row ?? empty(groupId);
  if (event.globalPosition <= current.lastPosition) return row;
  const next = { ...current, lastPosition: event.globalPosition };
  switch (event.type) {
    case 'GroupFormed': {
      const { name, regionCode, kecamatanCode, businessType, programme, formedOn, maxMembers } = event.data;
      return { ...next, name, regionCode, kecamatanCode, businessType, programme, formedOn, maxMembers };
    }
    case 'MemberJoined':
      return { ...next, membersCount: current.membersCount + 1 };
    case 'GrantReceived':
      return { ...next, grantTotal: current.grantTotal + event.data.amount, grantsCount: current.grantsCount + 1 };
    default:
      return row;
  }
}

function empty(groupId: string): GroupSummaryRow {
  return {
    groupId, name: null, regionCode: null, kecamatanCode: null, businessType: null, programme: null, formedOn: null,
    maxMembers: null, membersCount: 0, grantTotal: 0, grantsCount: 0, lastPosition: 0,
  };
}
