import type { RegionLevel } from './region-code';

/**
 * The Kemendagri region list, as a port: the domain states what it needs, infrastructure
 * (libs/journey/src/infrastructure/regions) loads it once at start-up from a maintained package.
 * Lookups are synchronous so a decider can ask while deciding, with no I/O in the domain.
 */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  /** the code one level up; absent for provinces */
  parentCode?: string;
}

export interface RegionDirectory {
  /** the region with this exact code at any level (province, regency, kecamatan or village) */
  find(code: string): Region | undefined;
  /** true when a code of any level is in the list */
  isKnown(code: string): boolean;
  /** the regions one level below `parentCode`, ordered by code (kecamatan of a regency, villages of a kecamatan) */
  childrenOf(parentCode: string): readonly Region[];
}
