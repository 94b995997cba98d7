/**
 * The journey domain ring: pure deciders, events, commands and rules. Nothing here reads a
 * clock, makes ids or touches I/O; the application layer loads, decides and appends.
 */
export * from './events/entrepreneur.events';
export * from './events/group.events';
export * from './events/vocabulary';
export * from './events/catalogue';

export * from './entrepreneur/entrepreneur.commands';
export * from './entrepreneur/entrepreneur.state';
export { evolveAll } from './entrepreneur/entrepreneur.evolve';
export { decide, evolve, entrepreneurDecider } from './entrepreneur/entrepreneur.decider';
export * from './entrepreneur/lanjutan-eligibility';

export * from './group/group.commands';
export * from './group/group.state';
export { decideGroup, groupDecider, groupNotFound } from './group/group.decider';

export * from './policy/journey-policy';
export * from './policy/decision-context';

export * from './identity/nik';
export * from './identity/region-code';
export * from './identity/region-directory.port';

export * from './shared/domain-error';
export * from './shared/error-codes';
export type { Milestone } from './shared/checks';
export type { Instant, IsoDate } from './shared/dates';
export { isIsoDate, latestIndonesianDate, earliestIndonesianDate } from './shared/dates';
