import type { AppendListeners } from './append-listeners';
import { SignalledPosition } from './signalled-position';
import { WakeableSleep, nextBackoff } from './wakeable-sleep';
import type { EventStore, SubscribeOptions, Subscription } from './event-store.port';

/** how soon a subscription looks again for a signalled event it could not read yet */
const SOON_MS = 20;

/**
 * A catch-up subscription over readAll: reads batches after its position, hands each to
 * onBatch, and when caught up waits for an in-process append signal or the poll interval.
 * A failing onBatch is retried from the same position after a back-off, never skipped.
 */
export class PollingSubscription implements Subscription {
  private _position: number;
  private stopped = false;
  private readonly pause = new WakeableSleep();
  /** set by an append signal that arrived while a read was under way */
  private dirty = false;
  private loop: Promise<void> | null = null;
  private stopListening: (() => void) | undefined;
  private readonly signalled = new SignalledPosition();
  private readonly onAppended = (lastPosition?: number) => {
    this.dirty = true;
    this.signalled.note(lastPosition);
    this.pause.wake();
  };

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
    private readonly signal: Pick<AppendListeners, 'add'>,
    private readonly pollIntervalMs: number,
    private readonly options: SubscribeOptions,
    private readonly onStop: () => void,
  ) {
    this._position = options.after;
  }

  get position(): number {
    return this._position;
  }

  start(): void {
    this.stopListening = this.signal.add(this.onAppended);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopListening?.();
    this.pause.wake();
    await this.loop;
    this.onStop();
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    let backoff = 0;
    while (!this.stopped) {
      try {
        this.dirty = false;
        const events = await this.store.readAll({ after: this._position, limit: batchSize });
        if (events.length > 0) {
          await this.options.onBatch(events);
          this._position = events[events.length - 1].globalPosition;
          backoff = 0;
        }
        // a signalled event not readable yet (the horizon lags its commit): look again soon
        if (events.length < batchSize) await this.sleep(this.signalled.ahead(this._position) ? Math.min(this.pollIntervalMs, SOON_MS) : this.pollIntervalMs);
      } catch (err) {
        this.options.onError?.(err);
        backoff = nextBackoff(backoff);
        await this.sleep(backoff);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped || this.dirty) return Promise.resolve();
    return this.pause.sleep(ms);
  }
}
