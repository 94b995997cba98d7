import type { EntrepreneurEvent } from '../../domain/events/entrepreneur.events';

/** Every event an entrepreneur stream holds; `satisfies` makes a new event type a compile error here. */
const ENTREPRENEUR_TYPES = {
  Registered: true, Trained: true, GrantReceived: true, Monitored: true, GraduatedToLanjutan: true, Withdrawn: true,
  ProfileCorrected: true, CaseworkerAssigned: true, PersonalDataErased: true, ProcessingRestricted: true, ProcessingRestrictionLifted: true,
} as const satisfies Record<EntrepreneurEvent['type'], true>;

export const ENTREPRENEUR_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(ENTREPRENEUR_TYPES));
