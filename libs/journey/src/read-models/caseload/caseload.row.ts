import type { Programme } from '../../domain/events/vocabulary';
import type { IsoDate } from '../../domain/shared/dates';

/** api.md `stage`: the furthest milestone of an open case, or how it ended. */
export const STAGES = ['registered', 'trained', 'funded', 'monitored', 'graduated', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

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
}
