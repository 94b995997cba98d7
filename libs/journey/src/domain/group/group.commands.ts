import type { Instant, IsoDate } from '../shared/dates';
import type { Programme } from '../events/vocabulary';

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

export type JoinGroup = Command<'JoinGroup', {
  entrepreneurId: string;
  /** defaults to today (WIB) */
  joinedOn?: IsoDate;
}>;

export type GroupCommand = FormGroup | JoinGroup;
