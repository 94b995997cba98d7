import type { RegionDirectory } from '../identity/region-directory.port';
import { DEFAULT_JOURNEY_POLICY, type JourneyPolicy } from './journey-policy';

/**
 * What a decision needs from outside the case, as plain values: the region list (loaded once,
 * synchronous) and the programme policy. The application builds one at start-up and passes it in.
 */
export interface DecisionContext {
  regions?: RegionDirectory;
  policy?: JourneyPolicy;
}

export function policyOf(context: DecisionContext): JourneyPolicy {
  return context.policy ?? DEFAULT_JOURNEY_POLICY;
}

/** A missing directory is a wiring mistake, not a user error: fail loudly rather than accept any code. */
export function regionsOf(context: DecisionContext): RegionDirectory {
  if (!context.regions) throw new Error('DecisionContext.regions (a RegionDirectory) is required to validate region codes');
  return context.regions;
}
