import type { IsoDate } from '../shared/dates';
import type { DomainEvent } from './entrepreneur.events';
import type { Programme } from './vocabulary';

/** A kelompok: the grant goes to the group, the journey stays with each person. */
export type GroupFormed = DomainEvent<'GroupFormed', {
  groupId: string;
  name: string;
  /** Kemendagri kecamatan or village code of the group's business */
  regionCode: string;
  kecamatanCode: string;
  businessType: string;
  programme: Programme;
  formedOn: IsoDate;
  /** fixed when the group is formed, so a later policy change never makes a group over-full */
  maxMembers: number;
}>;

export type MemberJoined = DomainEvent<'MemberJoined', { groupId: string; entrepreneurId: string; joinedOn: IsoDate }>;

export type GroupEvent = GroupFormed | MemberJoined;
