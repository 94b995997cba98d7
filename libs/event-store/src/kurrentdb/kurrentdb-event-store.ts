// Types only: the client (a gRPC stack and a native bridge, ~0.3 s to load) is loaded by `connect`,
// so processes on PostgreSQL never pay for it. Its errors are told apart by their `type`.
import type { AppendStreamRequest, KurrentDBClient, WrongExpectedVersionError as KurrentWrongExpectedVersion } from '@kurrent/kurrentdb-client';
import { DuplicateEventIdError, InvalidAppendError, UniqueClaimViolationError, WrongExpectedVersionError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamVerification,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { AppendListeners, type AppendListener } from '../append-listeners';
import { assertValidEvents, assertValidStreamId } from '../stream-id';
import { UpcasterRegistry } from '../upcasters';
import { chainHash } from './event-hash';
import { checkExpected, exactState, retriesOnConflict, versionOfState } from './kurrentdb-expected-version';
import { ENVELOPE, fromRecord, jejakEventsFilter, readPositionAfter, toEventData, type KurrentRecord } from './kurrentdb-envelope';
import { KurrentDbSubscription } from './kurrentdb-subscription';
import { verifyChain } from './verify-chain';
import { claimAppend, claimStreamName } from './unique-claim-streams';

export interface KurrentDbEventStoreOptions {
  upcasters?: UpcasterRegistry;
  /** dispose the client on close (set by `connect`, which made it) */
  ownsClient?: boolean;
}

interface Head {
  version: number;
  hash: string | null;
}

/** The EventStore port on KurrentDB 25.1+ (docs/adr/0006-kurrentdb-event-store.md). */
export class KurrentDbEventStore implements EventStore {
  private readonly upcasters: UpcasterRegistry;
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private readonly appendListeners = new AppendListeners();

  static async connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): Promise<KurrentDbEventStore> {
    const { KurrentDBClient } = await import('@kurrent/kurrentdb-client');
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), { ...options, ownsClient: true });
  }

  constructor(
    readonly client: KurrentDBClient,
    private readonly options: KurrentDbEventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? new UpcasterRegistry();
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, events, options }]);
    return result;
  }

  async appendMany(appends: StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    assertValidAppends(appends);
    for (;;) {
      const heads = await Promise.all(appends.map((a) => this.head(a.streamId)));
      appends.forEach((a, i) => checkExpected(a.streamId, a.options.expectedVersion, heads[i].version));
      // milliseconds, as in PostgreSQL: what a JS Date can name exactly in untilRecordedAt
      const recordedAt = new Date();
      const requests = appends.map((a, i) => this.request(a, heads[i], recordedAt));
      try {
        await this.write(appends, requests);
      } catch (err) {
        if (!isClientError(err, 'wrong-expected-version')) throw this.unsupported(err);
        const claim = appends.flatMap((a) => a.options.claims ?? []).find((c) => claimStreamName(c) === err.streamName);
        if (claim) throw new UniqueClaimViolationError(claim.scope);
        const failed = appends.find((a) => a.streamId === err.streamName) ?? appends[0];
        if (retriesOnConflict(failed.options.expectedVersion)) continue;
        throw new WrongExpectedVersionError(failed.streamId, failed.options.expectedVersion, versionOfState(err.actualState));
      }
      const results = await Promise.all(appends.map((a, i) => this.appended(a, heads[i].version, recordedAt)));
      // after the commit: a listener's failure is its own, never the append's
      this.appendListeners.tell(Math.max(...results.map((r) => r.lastPosition)));
      return results;
    }
  }

  onAppended(listener: AppendListener): () => void {
    return this.appendListeners.add(listener);
  }

  private request(a: StreamAppend, head: Head, recordedAt: Date): AppendStreamRequest {
    let hash = head.hash;
    const events = a.events.map((e, i) => {
      hash = chainHash(hash, { ...e, streamId: a.streamId, streamVersion: head.version + i + 1, recordedAt });
      return toEventData(e, { hash, recordedAt });
    });
    return { streamName: a.streamId, expectedState: exactState(head.version), events };
  }

  /** One stream without claims takes the plain append (any KurrentDB); the rest needs one atomic multi-stream append. */
  private async write(appends: StreamAppend[], requests: AppendStreamRequest[]): Promise<void> {
    const claims = appends.flatMap((a) => (a.options.claims ?? []).map((c) => claimAppend(c, a.streamId)));
    if (requests.length === 1 && claims.length === 0) {
      const [r] = requests;
      await this.client.appendToStream(r.streamName, r.events, { streamState: r.expectedState });
    } else {
      await this.client.multiStreamAppend([...requests, ...claims]);
    }
  }

  private unsupported(err: unknown): unknown {
    if (isClientError(err, 'unsupported') || (err as { code?: number }).code === 12 /* grpc UNIMPLEMENTED */)
      return new Error(`appendMany and unique claims need KurrentDB 25.1 or later (multi-stream append): ${(err as Error).message}`);
    return err;
  }

  /** Positions are read back: an append answers with one position, the port needs the first and the last. */
  private async appended(a: StreamAppend, headVersion: number, recordedAt: Date): Promise<AppendResult> {
    const written = await this.records(a.streamId, { fromRevision: BigInt(headVersion), maxCount: a.events.length });
    const positions = written.map((r) => fromRecord(r).globalPosition);
    return { streamId: a.streamId, version: headVersion + a.events.length, firstPosition: positions[0], lastPosition: positions[positions.length - 1], recordedAt };
  }

  private async head(streamId: string): Promise<Head> {
    const [last] = await this.records(streamId, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    if (!last) return { version: 0, hash: null };
    const hash = (last.metadata as Record<string, unknown> | undefined)?.[ENVELOPE.hash];
    return { version: Number(last.revision) + 1, hash: typeof hash === 'string' ? hash : null };
  }

  private async records(streamId: string, options: Parameters<KurrentDBClient['readStream']>[1] = {}): Promise<KurrentRecord[]> {
    const out: KurrentRecord[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, options)) if (resolved.event) out.push(resolved.event);
    } catch (err) {
      if (isClientError(err, 'stream-not-found') || isClientError(err, 'stream-deleted')) return [];
      throw err;
    }
    return out;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertValidStreamId(streamId);
    const from = Math.max(options.fromVersion ?? 1, 1);
    const events = (await this.records(streamId, { fromRevision: BigInt(from - 1) })).map(fromRecord);
    const until = options.untilRecordedAt?.getTime();
    return events.filter((e) => until === undefined || e.recordedAt.getTime() <= until).map((e) => this.upcast(e));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? 1000;
    const out: RecordedEvent[] = [];
    const read = this.client.readAll({ fromPosition: readPositionAfter(after), maxCount: limit + 1, filter: jejakEventsFilter() });
    for await (const resolved of read) {
      if (!resolved.event) continue;
      const e = fromRecord(resolved.event);
      if (e.globalPosition > after && out.length < limit) out.push(this.upcast(e));
    }
    return out;
  }

  /** $all holds only committed, indexed events in commit order: its last Jejak event bounds a complete prefix. */
  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1, filter: jejakEventsFilter() }))
      if (resolved.event) return fromRecord(resolved.event).globalPosition;
    return 0;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const sub = new KurrentDbSubscription(this.client, (r) => this.upcast(fromRecord(r)), options, () => this.subscriptions.delete(sub));
    this.subscriptions.add(sub);
    sub.start();
    return sub;
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    assertValidStreamId(streamId);
    return verifyChain(streamId, (await this.records(streamId)).map(fromRecord));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.options.ownsClient) await this.client.dispose();
  }

  private upcast(e: RecordedEvent): RecordedEvent {
    return this.upcasters.isEmpty ? e : this.upcasters.apply(e);
  }
}

/** The PostgreSQL store gets these from its unique indexes; KurrentDB has none across streams, so they are checked here. */
function assertValidAppends(appends: StreamAppend[]): void {
  const ids = new Set<string>();
  const streams = new Set<string>();
  for (const a of appends) {
    assertValidStreamId(a.streamId);
    assertValidEvents(a.events);
    if (streams.has(a.streamId)) throw new InvalidAppendError(`stream ${a.streamId} appears twice in one appendMany`);
    streams.add(a.streamId);
    for (const e of a.events) {
      if (ids.has(e.id)) throw new DuplicateEventIdError(e.id);
      ids.add(e.id);
    }
  }
}

interface ClientErrors {
  'wrong-expected-version': KurrentWrongExpectedVersion;
  unsupported: Error;
  'stream-not-found': Error;
  'stream-deleted': Error;
}

/** The client's errors carry a stable `type` (its ErrorType); checking it needs no runtime import. */
function isClientError<T extends keyof ClientErrors>(err: unknown, type: T): err is ClientErrors[T] {
  return typeof err === 'object' && err !== null && (err as { type?: unknown }).type === type;
}
