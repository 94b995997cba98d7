import type { Actor } from '@jejak/auth';

/**
 * What every journey command carries besides its business fields: who asks, under which
 * correlation, and which version of the case they read. The controller fills it from the request
 * (token, X-Correlation-Id, If-Match); handlers never see HTTP.
 */
export interface CommandMeta {
  /** this command's own id; the causation of the events it writes */
  commandId: string;
  actor: Actor;
  correlationId: string;
  /** the message that caused this command, when another message did; defaults to commandId */
  causationId?: string;
  /** from If-Match; undefined only on create */
  expectedVersion?: number;
  /** when the application received the command: the domain's `now` and the events' occurredAt */
  receivedAt: string;
}

/** What every write answers (api.md): the case id, its new version (the ETag) and the global position to wait for. */
export interface WriteResult {
  id: string;
  version: number;
  globalPosition: number;
}

/** The business fields of a domain command, as the API hands them over (the application adds type, id and now). */
export type EntrepreneurInput<C> = Omit<C, 'type' | 'entrepreneurId' | 'now'>;
export type GroupInput<C> = Omit<C, 'type' | 'groupId' | 'now'>;
