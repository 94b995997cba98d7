import type { GrantFields } from '../../domain/events/entrepreneur.events';
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

/** A grant recorded for the group on a member's case (public money: shown whatever the member's data rights). */
export type GroupGrantView = Omit<GrantFields, 'groupId'> & { entrepreneurId: string };

/** What GET /v1/groups/{id} answers: the kelompok folded from its stream, with the fields GroupFormed fixed. */
export type GroupView = Omit<GroupFormed['data'], 'groupId'> & {
  id: string;
  version: number;
  members: GroupMemberView[];
  /** the grants its members' cases record with this group's id, by date received */
  grants: GroupGrantView[];
  grantsCount: number;
  /** whole rupiah */
  grantTotal: number;
  /** the instant of the latest event folded in */
  lastEventAt: string;
};

/** The group's own facts, without the members' cases; undefined while no GroupFormed is folded in. */
export type GroupFacts = Omit<GroupView, 'version' | 'members' | 'grants' | 'grantsCount' | 'grantTotal' | 'lastEventAt'> & { joined: { entrepreneurId: string; joinedOn: IsoDate }[] };

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
  const grants = joined
    .flatMap(({ entrepreneurId }, i) => (cases[i]?.grants ?? []).filter((g) => g.groupId === facts.id).map(({ groupId: _group, ...g }) => ({ entrepreneurId, ...g })))
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  const grantTotal = grants.reduce((sum, g) => sum + g.amount, 0);
  return { ...group, version, members, grants, grantsCount: grants.length, grantTotal, lastEventAt: lastEventAt.toISOString() };
}
