import type { GroupEvent } from '../events/group.events';
import type { Programme } from '../events/vocabulary';
import type { IsoDate } from '../shared/dates';

export type UnformedGroup = { status: 'unformed' };
export type FormedGroup = {
  status: 'formed';
  groupId: string;
  formedOn: IsoDate;
  programme: Programme;
  maxMembers: number;
  members: readonly string[];
};
export type GroupState = UnformedGroup | FormedGroup;

export const initialGroupState: GroupState = { status: 'unformed' };

/** Never throws: a stored event is a fact, and folding history must not fail. */
export function evolveGroup(state: GroupState, event: GroupEvent): GroupState {
  switch (event.type) {
    case 'GroupFormed':
      return state.status === 'unformed'
        ? { status: 'formed', groupId: event.data.groupId, formedOn: event.data.formedOn, programme: event.data.programme, maxMembers: event.data.maxMembers, members: [] }
        : state;
    case 'MemberJoined':
      return state.status === 'formed' && !state.members.includes(event.data.entrepreneurId)
        ? { ...state, members: [...state.members, event.data.entrepreneurId] }
        : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
