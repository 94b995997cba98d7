import type { Instant, IsoDate } from '../shared/dates';
import type { Programme } from '../events/vocabulary';
import type { EntrepreneurState } from '../entrepreneur/entrepreneur.state';
import { requireRegistered } from '../entrepreneur/entrepreneur.guards';

type Command<Type extends string, Fields> = Readonly<{ type: Type; groupId: string; now: Instant } & Fields>;

export type FormGroup = Command<'FormGroup', {
  name: string;
  /** Kemendagri kecamatan or village code where the group runs its business */
  regionCode: string;
  businessType: string;
  /** defaults to TKM_PEMULA, the programme groups exist for */
  programme?: Programme;
  /** defaults to today (WIB) */
  formedOn?: IsoDate;
}>;

/** What the group's rules need to know of the person joining, from their own case (the application reads it). */
export interface MemberStanding {
  registeredOn: IsoDate;
  erased: boolean;
  /** since when processing of their data is restricted (UU PDP), while it is */
  restrictedOn?: IsoDate;
  /** the day they left the programme, when they did */
  withdrawnOn?: IsoDate;
  /** the day they graduated to TKM Lanjutan, when they did */
  graduatedOn?: IsoDate;
}

/** The standing of a person's case (folded from their stream); refuses a person never registered. */
export function standingOf(person: EntrepreneurState): MemberStanding {
  requireRegistered(person);
  return {
    registeredOn: person.registeredOn,
    erased: person.personal.erased,
    restrictedOn: person.restrictedOn,
    withdrawnOn: person.status === 'withdrawn' ? person.withdrawnOn : undefined,
    graduatedOn: person.status === 'graduated' ? person.graduatedOn : undefined,
  };
}

export type JoinGroup = Command<'JoinGroup', {
  entrepreneurId: string;
  /** defaults to today (WIB) */
  joinedOn?: IsoDate;
  /** the person's own case, as it stands when they join */
  member: MemberStanding;
}>;

export type GroupCommand = FormGroup | JoinGroup;
