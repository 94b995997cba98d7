/** Injection token of the domain's DecisionContext (region directory + programme policy), built at start-up. */
export const JOURNEY_DECISION_CONTEXT = Symbol('JOURNEY_DECISION_CONTEXT');
