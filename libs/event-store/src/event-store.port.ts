/**
 * The event store port. Both implementations (PostgreSQL, KurrentDB) satisfy it and pass the
 * shared contract suite in ./testing. Stream versions start at 1; an empty stream has version 0.
 */
export interface EventMetadata {
  actorId: string;
  actorRole: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  reason?: string;
  [extra: string]: unknown;
}

export interface NewEvent<TType extends string = string, TData = unknown> {
  id: string;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> extends NewEvent<TType, TData> {
  streamId: string;
  streamVersion: number;
  /** Unique and strictly increasing in the global order (not dense: see docs/adr/0002). */
  globalPosition: number;
  recordedAt: Date;
  /** hex sha256 of the previous event's hash and this event's canonical form */
  hash: string;
}

/** `no_stream`: the stream must be empty; `stream_exists`: it must not be; a number: exactly that version. */
export type ExpectedVersion = number | 'any' | 'no_stream' | 'stream_exists';

/** A cross-stream uniqueness claim written in the same transaction as the append. */
export interface UniqueClaim {
  scope: string;
  key: string;
}

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  claims?: UniqueClaim[];
}

export interface AppendResult {
  streamId: string;
  /** the stream's version after the append */
  version: number;
  firstPosition: number;
  lastPosition: number;
  recordedAt: Date;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  /** only events recorded at or before this instant (time travel) */
  untilRecordedAt?: Date;
}

export interface ReadAllOptions {
  /** exclusive; 0 reads from the beginning */
  after?: number;
  limit?: number;
}

export interface SubscribeOptions {
  /** exclusive position to start after; 0 from the beginning */
  after: number;
  batchSize?: number;
  /** called with each batch in global order; the next batch waits until it resolves */
  onBatch(events: RecordedEvent[]): Promise<void>;
  onError?(error: unknown): void;
}

export interface Subscription {
  /** position of the last event handed to onBatch */
  readonly position: number;
  stop(): Promise<void>;
}

export interface StreamVerification {
  streamId: string;
  valid: boolean;
  checkedEvents: number;
  firstBrokenVersion: number | null;
  headHash: string | null;
}

/** One stream's part of an appendMany. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  options: AppendOptions;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Several streams atomically: all appends take effect or none does (imports, the demo seed). */
  appendMany(appends: StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** the position up to which the global order is complete (every earlier event is readable) */
  headPosition(): Promise<number>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  /**
   * Calls `listener` after each append made through this instance, with the append's last global
   * position when known, so a poller can look at once instead of at its next poll. A store may also
   * tell of other processes' appends (PostgreSQL with an append signal, ADR 0011). Returns the way
   * to stop. Optional: a store whose readers are pushed to need not offer it.
   */
  onAppended?(listener: (lastPosition?: number) => void): () => void;
  verifyStream(streamId: string): Promise<StreamVerification>;
  close(): Promise<void>;
}
