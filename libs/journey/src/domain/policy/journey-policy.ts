/**
 * Programme rules that agencies tune without a code change. They come into the deciders as
 * plain values (from configuration, through the application layer), never read from anywhere.
 */
export interface GraduationPolicy {
  /** monitoring visits after the TKM Pemula grant, at least */
  minVisits: number;
  /** this many of the latest visits must find the business running */
  latestVisitsActive: number;
  /** workers at the latest visit, the owner included: 2 means "at least one worker besides the owner" */
  minWorkersTotal: number;
}

export interface GroupPolicy {
  /** a kelompok TKM is typically 10 people; fixed on GroupFormed so a later change never over-fills a group */
  maxMembers: number;
}

export interface JourneyPolicy {
  graduation: GraduationPolicy;
  group: GroupPolicy;
}

export const DEFAULT_GRADUATION_POLICY: GraduationPolicy = { minVisits: 2, latestVisitsActive: 2, minWorkersTotal: 2 };

export const DEFAULT_GROUP_POLICY: GroupPolicy = { maxMembers: 10 };

export const DEFAULT_JOURNEY_POLICY: JourneyPolicy = { graduation: DEFAULT_GRADUATION_POLICY, group: DEFAULT_GROUP_POLICY };
