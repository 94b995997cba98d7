/**
 * A public integration event: what downstream services may rely on. It carries ids, kecamatan
 * codes, programme, dates, amounts, counts and booleans only, never personal data, so it can be
 * published to Kafka and kept by consumers forever without falling under an erasure request.
 */
export interface IntegrationEvent<TType extends string = string, TData = unknown> {
  /** the domain event's id: a re-send of the same fact carries the same id, so consumers de-duplicate on it */
  id: string;
  /** `jejak.<context>.<Name>.v<version>` */
  type: TType;
  /** logical topic without the deployment prefix, e.g. `jejak.journey.v1` */
  topic: string;
  /** partition key: the entrepreneur id (journey) or the group id (groups), so each case stays in order */
  key: string;
  /** CloudEvents `source`: the producing context */
  source: string;
  /** CloudEvents `subject`: `entrepreneur/<id>` or `group/<id>` */
  subject: string;
  /** when it happened (ISO-8601 UTC instant) */
  time: string;
  /** the domain event's position in the global order; the feed's cursor */
  position: number;
  data: TData;
}

/** The CloudEvents `source` of each context; a URI-reference, stable across deployments. */
export const SOURCES = {
  journey: '/jejak/journey',
  groups: '/jejak/groups',
} as const;

export const TOPICS = {
  journey: 'jejak.journey.v1',
  groups: 'jejak.groups.v1',
} as const;

export type ContextName = keyof typeof TOPICS;
