import { EventEmitter } from 'node:events';
import { toIntegrationEvents, type IntegrationEvent } from '@jejak/contracts';
import { WakeableSleep, type EventStore, type RecordedEvent, type Subscription } from '@jejak/event-store';
import type { Pool, PoolClient } from 'pg';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { Publisher } from './publisher.port';

export interface RelayOptions {
  /** checkpoint row and advisory-lock name; one active relay per name */
  name?: string;
  batchSize?: number;
  backoff?: BackoffPolicy;
  /** how often a standby tries to take the lock */
  standbyPollMs?: number;
  map?(event: RecordedEvent): IntegrationEvent[];
  /** taking the lead (log) and each failed publish with its back-off (warn); Nest's Logger fits */
  log?: RelayLog;
}

export interface RelayLog {
  log(message: string): void;
  warn(message: string): void;
}

export type RelayRole = 'starting' | 'standby' | 'leader' | 'stopped';

export interface RelayStatus {
  role: RelayRole;
  /** last global position whose events the broker acknowledged */
  position: number;
  /** consecutive failed publish attempts of the current batch */
  failedAttempts: number;
  lastError: string | null;
  published: number;
}

/** Not an error of the broker: the relay stopped or lost its lock, so the batch must not be checkpointed. */
class NotLeader extends Error {}

// Advisory-lock class for relays; the second key is hashtext(name).
const LOCK_CLASS = 0x72656c61;

/**
 * Tails the event store's global order and publishes integration events, at least once and in
 * order. The checkpoint moves only after the publisher resolved (the broker acknowledged), so a
 * crash between send and checkpoint re-sends that batch and never skips one. A PostgreSQL session
 * advisory lock keeps one relay active per name; standbys poll for the lock and take over.
 */
export class Relay {
  private readonly options: Required<Omit<RelayOptions, 'log'>> & Pick<RelayOptions, 'log'>;
  private readonly emitter = new EventEmitter();
  private role: RelayRole = 'starting';
  private position = 0;
  private failedAttempts = 0;
  private lastError: string | null = null;
  private published = 0;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private readonly nap = new WakeableSleep();
  private signalStopped: () => void = () => undefined;
  private readonly stoppedSignal = new Promise<void>((resolve) => (this.signalStopped = resolve));

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly publisher: Publisher,
    options: RelayOptions = {},
  ) {
    this.options = {
      name: options.name ?? 'kafka',
      batchSize: options.batchSize ?? 500,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      standbyPollMs: options.standbyPollMs ?? 1000,
      map: options.map ?? toIntegrationEvents,
      log: options.log,
    };
    this.emitter.setMaxListeners(0);
  }

  get status(): RelayStatus {
    return { role: this.role, position: this.position, failedAttempts: this.failedAttempts, lastError: this.lastError, published: this.published };
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops after the batch under way; a batch not yet acknowledged is not checkpointed (and is re-sent later). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.signalStopped();
    this.nap.wake();
    this.emitter.emit('change');
    await this.loop;
    this.role = 'stopped';
  }

  /** Resolves once the checkpoint reached `position` (tests and `?minPosition` style waits, no sleeping). */
  waitForPosition(position: number, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.position >= position) finish(resolve);
        else if (this.role === 'stopped') finish(() => reject(new Error('relay stopped')));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`relay did not reach ${position} in ${timeoutMs} ms (at ${this.position})`))), timeoutMs);
      const finish = (f: () => void) => {
        clearTimeout(timer);
        this.emitter.off('change', check);
        f();
      };
      this.emitter.on('change', check);
      check();
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let client: PoolClient | null = null;
      try {
        client = await this.pool.connect();
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_CLASS, this.options.name]);
        if (rows[0].ok) await this.lead(client);
        else this.setRole('standby');
      } catch (e) {
        this.noteError(e);
      } finally {
        // Destroying the session (not returning it to the pool) is what releases the lock.
        client?.release(true);
      }
      if (!this.stopped) await this.sleep(this.role === 'standby' ? this.options.standbyPollMs : this.options.backoff.initialMs);
    }
    this.setRole('stopped');
  }

  private async lead(client: PoolClient): Promise<void> {
    let lost: (e: unknown) => void = () => undefined;
    const lostLock = new Promise<void>((resolve) => (lost = (e) => {
      if (!(e instanceof NotLeader)) this.noteError(e);
      resolve();
    }));
    client.on('error', lost);
    await client.query(`INSERT INTO relay_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [this.options.name]);
    const { rows } = await client.query<{ position: string }>('SELECT position FROM relay_checkpoints WHERE name = $1', [this.options.name]);
    this.position = Number(rows[0].position);
    this.setRole('leader');
    this.options.log?.log(`relay ${this.options.name} is the active relay, from position ${this.position}`);
    let subscription: Subscription | null = null;
    try {
      subscription = this.store.subscribeToAll({
        after: this.position,
        batchSize: this.options.batchSize,
        onBatch: (events) => this.relayBatch(client, events),
        // Publish failures are retried inside onBatch; anything reaching here is the database (reading,
        // or the checkpoint write on the lock's own session) or a lost lead: start over from the checkpoint.
        onError: lost,
      });
      await Promise.race([lostLock, this.stoppedSignal]);
    } finally {
      client.off('error', lost);
      this.setRole('standby');
      await subscription?.stop();
    }
  }

  private async relayBatch(client: PoolClient, events: RecordedEvent[]): Promise<void> {
    const out = events.flatMap((e) => this.options.map(e));
    if (out.length > 0) await this.publishWithRetry(out);
    if (this.role !== 'leader' || this.stopped) throw new NotLeader();
    const last = events[events.length - 1].globalPosition;
    await client.query('UPDATE relay_checkpoints SET position = $2, updated_at = now() WHERE name = $1 AND position < $2', [this.options.name, last]);
    this.position = last;
    this.published += out.length;
    this.emitter.emit('change');
  }

  /** Retries the same batch with exponential back-off until the broker acknowledges it or the relay stops. */
  private async publishWithRetry(events: IntegrationEvent[]): Promise<void> {
    for (;;) {
      if (this.role !== 'leader' || this.stopped) throw new NotLeader();
      try {
        await this.publisher.publish(events);
        this.failedAttempts = 0;
        return;
      } catch (e) {
        this.failedAttempts++;
        this.noteError(e);
        const delay = backoffDelay(this.options.backoff, this.failedAttempts);
        this.options.log?.warn(`relay ${this.options.name}: publish failed (attempt ${this.failedAttempts}), retrying in ${delay} ms: ${this.lastError}`);
        await this.sleep(delay);
      }
    }
  }

  private setRole(role: RelayRole): void {
    this.role = role;
    this.emitter.emit('change');
  }

  private noteError(e: unknown): void {
    this.lastError = e instanceof Error ? e.message : String(e);
  }

  private sleep(ms: number): Promise<void> {
    return this.stopped ? Promise.resolve() : this.nap.sleep(ms);
  }
}
