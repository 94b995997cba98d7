import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { assertKecamatanAccess } from '@jejak/auth';
import { type EventMetadata, type EventStore, type NewEvent, type RecordedEvent, type UniqueClaim, streamId } from '@jejak/event-store';
import { assertVersionMatches, EVENT_STORE, withIfMatch } from '@jejak/platform';
import { PersonalDataVault } from '@jejak/personal-data';
import { EVENT_SCHEMA_VERSIONS, personalFieldsOf, type DecisionContext, type JourneyEventType } from '../../domain';
import type { CommandMeta, WriteResult } from './command-meta';
import { JOURNEY_DECISION_CONTEXT } from './journey-decision-context';
import type { StreamSpec } from './journey-streams';

type DomainEventLike = { type: JourneyEventType; data: object };

export interface CommandOptions<S, E> {
  /** a create: the stream must not exist yet (expected version `no_stream`) */
  create?: boolean;
  /** the region of the case being created, checked against the caller's kecamatan before deciding */
  newRegion?: string;
  /** cross-stream uniqueness written in the same transaction as the append (one NIK registers once) */
  claims?(events: readonly E[], state: S): UniqueClaim[];
  /** metadata.reason for events whose reason is not personal data */
  reason?: string;
  /** runs on the folded state before the precondition check (e.g. finishing a half-done erasure) */
  onLoaded?(state: S): Promise<void>;
}

/**
 * The one shared write path (style.md rule 7): load the stream, open its personal fields, fold,
 * check access and If-Match, decide, seal the new events' personal fields, append with the
 * expected version, answer { id, version, globalPosition }. A decision with no events (the
 * command already took effect) appends nothing and answers the current version.
 */
@Injectable()
export class JourneyCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly vault: PersonalDataVault,
    @Inject(JOURNEY_DECISION_CONTEXT) private readonly context: DecisionContext,
  ) {}

  async handleCommand<S, E extends DomainEventLike>(
    spec: StreamSpec<S, E>,
    id: string,
    meta: CommandMeta,
    decide: (state: S, context: DecisionContext) => E[],
    options: CommandOptions<S, E> = {},
  ): Promise<WriteResult> {
    const stream = streamId(spec.category, id);
    const history = await this.load(stream, spec.subjectOf(id));
    const state = history.reduce((s, e) => spec.evolve(s, { type: e.type, data: e.data } as E), spec.initialState);
    const version = history.length;
    const region = version > 0 ? spec.regionOf(state, history) : options.newRegion;
    if (region !== undefined) assertKecamatanAccess(meta.actor, region);
    await options.onLoaded?.(state);
    if (version > 0 && meta.expectedVersion !== undefined) assertVersionMatches(meta.expectedVersion, version);
    const decided = decide(state, this.context);
    if (decided.length === 0) return { id, version, globalPosition: history.at(-1)?.globalPosition ?? 0 };
    const events = await Promise.all(decided.map((e) => this.toNewEvent(e, spec.subjectOf(id), meta, options.reason)));
    const append = () =>
      this.store.append(stream, events, {
        expectedVersion: options.create ? 'no_stream' : (meta.expectedVersion ?? version),
        claims: options.claims?.(decided, state),
      });
    const result = meta.expectedVersion === undefined ? await append() : await withIfMatch(meta.expectedVersion, append);
    return { id, version: result.version, globalPosition: result.lastPosition };
  }

  /** The stream with every event's personal fields opened (or marked erased), keys loaded in one go. */
  private async load(stream: string, subject: string | undefined): Promise<RecordedEvent<JourneyEventType, object>[]> {
    const events = (await this.store.readStream(stream)) as RecordedEvent<JourneyEventType, object>[];
    if (!subject || events.length === 0) return events;
    const keys = await this.vault.keysFor([subject]);
    return events.map((e) => ({ ...e, data: keys.open(e.data) }));
  }

  private async toNewEvent(event: DomainEventLike, subject: string | undefined, meta: CommandMeta, reason?: string): Promise<NewEvent> {
    const fields = personalFieldsOf(event.type);
    const data = subject && fields.length > 0 ? await this.vault.encryptFields(subject, event.data, fields) : event.data;
    const metadata: EventMetadata = {
      actorId: meta.actor.id,
      actorRole: meta.actor.role,
      correlationId: meta.correlationId,
      causationId: meta.causationId ?? meta.commandId,
      commandId: meta.commandId,
      occurredAt: meta.receivedAt,
      ...(reason === undefined ? {} : { reason }),
    };
    return { id: randomUUID(), type: event.type, schemaVersion: EVENT_SCHEMA_VERSIONS[event.type], data, metadata };
  }
}
