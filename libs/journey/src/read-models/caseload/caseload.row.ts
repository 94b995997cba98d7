import type { Programme } from '../../domain/events/vocabulary';
import type { IsoDate } from '../../domain/shared/dates';

import type { Stage } from '../../domain/entrepreneur/entrepreneur.state';

/** api.md `stage`, the domain's own list: the furthest milestone of an open case, or how it ended. */
export { STAGES, type Stage } from '../../domain/entrepreneur/entrepreneur.state';

/** One entrepreneur as the caseworker's list shows them. */
export interface CaseloadRow {
  entrepreneurId: string;
  /** personal: null once the person's data was erased */
  fullName: string | null;
  /** personal (the village can point at a household): null after erasure */
  regionCode: string | null;
  /** non-personal, survives erasure: statistics and the caseworker's area use it */
  kecamatanCode: string;
  stage: Stage;
  /** the programme of the latest grant */
  programme: Programme | null;
  caseworkerId: string | null;
  registeredOn: IsoDate;
  latestGrantOn: IsoDate | null;
  latestVisitOn: IsoDate | null;
  nextFollowUpOn: IsoDate | null;
  lastEventAt: Date;
  /** stream version: the ETag of the case */
  version: number;
  /** global position of the Registered event: the stable order of the list (keyset pagination) */
  registeredPosition: number;
  lastPosition: number;
  erased: boolean;
  /** processing restricted (UU PDP): the name and village stay stored but are hidden from casework */
  restricted: boolean;
}
