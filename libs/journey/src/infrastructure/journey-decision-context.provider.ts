import type { Provider } from '@nestjs/common';
import { JEJAK_CONFIG, type JejakConfig } from '@jejak/platform';
import type { DecisionContext } from '../domain';
import { JOURNEY_DECISION_CONTEXT } from '../application/shared/journey-decision-context';
import { loadJourneyPolicy } from './policy/journey-policy.config';
import { IdnAreaRegionDirectory } from './regions';

/** The Kemendagri list (loaded once, ~84k villages) and the configured policy, ready before the first command. */
export const journeyDecisionContextProvider: Provider = {
  provide: JOURNEY_DECISION_CONTEXT,
  inject: [JEJAK_CONFIG],
  useFactory: async (config: JejakConfig): Promise<DecisionContext> => ({ regions: await IdnAreaRegionDirectory.load(), policy: loadJourneyPolicy(config.env) }),
};
