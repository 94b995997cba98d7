import type { GroupEvent, GroupFormed } from '../../domain/events/group.events';
import type { IsoDate } from '../../domain/shared/dates';
import type { CaseView } from '../case-state/case.view';

/** A member as GET /v1/groups/{id} shows them: the name only where the case would show it. */
export interface GroupMemberView {
  entrepreneurId: string;
  joinedOn: IsoDate;
  /** null once the person's data is erased, or when the reader's area does not cover the person's kecamatan */
  fullName: string | null;
  kecamatanCode: string | null;
  personalDataErased: boolean;
  processingRestricted: boolean;
}

/** What GET /v1/groups/{id} answers: the kelompok folded from its stream, with the fields GroupFormed fixed. */
export type GroupView = Omit<GroupFormed['data'], 'groupId'> & {
  id: string;
  version: number;
  members: GroupMemberView[];
  /** the instant of the latest event folded in */
  lastEventAt: string;
};

/** The group's own facts, without the members' cases; undefined while no GroupFormed is folded in. */
export type GroupFacts = Omit<GroupView, 'version' | 'members' | 'lastEventAt'> & { joined: { entrepreneurId: string; joinedOn: IsoDate }[] };

/** Never throws, and keeps a member once, as evolveGroup does. */
export function evolveGroupFacts(facts: GroupFacts | undefined, event: GroupEvent): GroupFacts | undefined {
  switch (event.type) {
    case 'GroupFormed': {
      if (facts) return facts;
      const { groupId, ...formed } = event.data;
      return { id: groupId, ...formed, joined: [] };
    }
    case 'MemberJoined': {
      const { entrepreneurId, joinedOn } = event.data;
      if (!facts || facts.joined.some((m) => m.entrepreneurId === entrepreneurId)) return facts;
      return { ...facts, joined: [...facts.joined, { entrepreneurId, joinedOn }] };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** `cases[i]` is the case of `facts.joined[i]` as of the same instant (undefined: not registered by then). */
export function groupView(facts: GroupFacts, version: number, lastEventAt: Date, cases: readonly (CaseView | undefined)[]): GroupView {
  const { joined, ...group } = facts;
  const members = joined.map(({ entrepreneurId, joinedOn }, i) => ({
    entrepreneurId,
    joinedOn,
    fullName: cases[i]?.fullName ?? null,
    kecamatanCode: cases[i]?.kecamatanCode ?? null,
    personalDataErased: cases[i]?.personalDataErased ?? false,
    processingRestricted: cases[i]?.processingRestricted ?? false,
  }));
  return { ...group, version, members, lastEventAt: lastEventAt.toISOString() };
}
