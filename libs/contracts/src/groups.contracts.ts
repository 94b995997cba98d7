import type { IntegrationEvent } from './integration-event';

/** Topic `jejak.groups.v1`, key = group id (a kelompok's events stay in order). */
export const GROUP_MESSAGE_TYPES = {
  GroupFormed: 'jejak.groups.GroupFormed.v1',
  MemberJoined: 'jejak.groups.MemberJoined.v1',
} as const;

type T = typeof GROUP_MESSAGE_TYPES;

export interface GroupFormedV1 {
  groupId: string;
  kecamatanCode: string;
  programme: 'TKM_PEMULA' | 'TKM_LANJUTAN' | 'WUB' | 'OTHER';
  formedOn: string;
  maxMembers: number;
}

export interface MemberJoinedV1 {
  groupId: string;
  entrepreneurId: string;
  joinedOn: string;
}

export type GroupIntegrationEvent =
  | IntegrationEvent<T['GroupFormed'], GroupFormedV1>
  | IntegrationEvent<T['MemberJoined'], MemberJoinedV1>;
