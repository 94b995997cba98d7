import type { EntrepreneurEvent } from './entrepreneur.events';
import type { GroupEvent } from './group.events';

export type JourneyEvent = EntrepreneurEvent | GroupEvent;
export type JourneyEventType = JourneyEvent['type'];
type DataOf<T extends JourneyEventType> = Extract<JourneyEvent, { type: T }>['data'];

/**
 * Wire names and current schema versions. The type string is written once here and never
 * derived from a class name; a breaking change bumps the version and adds an upcaster.
 */
export const EVENT_SCHEMA_VERSIONS = {
  Registered: 1,
  Trained: 1,
  GrantReceived: 1,
  Monitored: 1,
  GraduatedToLanjutan: 1,
  Withdrawn: 1,
  ProfileCorrected: 1,
  CaseworkerAssigned: 1,
  PersonalDataErased: 1,
  ProcessingRestricted: 1,
  ProcessingRestrictionLifted: 1,
  GroupFormed: 1,
  MemberJoined: 1,
} as const satisfies Record<JourneyEventType, number>;

export const JOURNEY_EVENT_TYPES = Object.keys(EVENT_SCHEMA_VERSIONS) as readonly JourneyEventType[];

/**
 * Fields holding personal data (UU PDP): infrastructure encrypts exactly these with the
 * person's key, so erasure (destroying the key) leaves only non-personal facts readable.
 * Free text sits here too, because a caseworker's note or a reason can name anyone.
 * The derived fields (sex, birthYear, kecamatanCode, hasNib) stay readable on purpose.
 */
export const PERSONAL_FIELDS = {
  Registered: ['nik', 'fullName', 'birthDate', 'regionCode', 'phone', 'address', 'businessIdea'],
  Trained: ['certificateNumber'],
  GrantReceived: [],
  Monitored: ['monthlyRevenue', 'nib', 'notes'],
  GraduatedToLanjutan: [],
  Withdrawn: ['reason'],
  ProfileCorrected: ['fullName', 'birthDate', 'regionCode', 'phone', 'address', 'businessIdea', 'reason'],
  CaseworkerAssigned: [],
  PersonalDataErased: [],
  ProcessingRestricted: [],
  ProcessingRestrictionLifted: [],
  GroupFormed: [],
  MemberJoined: [],
} as const satisfies { [T in JourneyEventType]: readonly (keyof DataOf<T>)[] };

export function personalFieldsOf(type: JourneyEventType): readonly string[] {
  return PERSONAL_FIELDS[type];
}

export function isJourneyEventType(type: string): type is JourneyEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_SCHEMA_VERSIONS, type);
}
