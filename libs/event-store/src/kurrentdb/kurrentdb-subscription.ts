import type { AllStreamSubscription, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { WakeableSleep, nextBackoff } from '../wakeable-sleep';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { jejakEventsFilter, readPositionAfter, type KurrentRecord } from './kurrentdb-envelope';

/**
 * A catch-up subscription on KurrentDB's own subscribeToAll: the server replays $all after the
 * position, then pushes new commits in order. Events are handed over in batches of what has
 * arrived (up to batchSize), the next batch waiting for the handler. A failing handler drops the
 * server subscription; after a back-off it resubscribes from the last delivered position, so
 * the failed batch is delivered again and nothing is skipped.
 */
export class KurrentDbSubscription implements Subscription {
  private _position: number;
  private stopped = false;
  private current: AllStreamSubscription | null = null;
  private loop: Promise<void> | null = null;
  private readonly pause = new WakeableSleep();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly toEvent: (r: KurrentRecord) => RecordedEvent,
    private readonly options: SubscribeOptions,
    private readonly onStop: () => void,
  ) {
    this._position = options.after;
  }

  get position(): number {
    return this._position;
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.wake();
    await this.current?.unsubscribe().catch(() => undefined);
    await this.loop;
    this.onStop();
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (!this.stopped) {
      try {
        await this.follow(() => (backoff = 0));
      } catch (err) {
        if (this.stopped) break;
        this.options.onError?.(err);
        backoff = nextBackoff(backoff);
        await this.sleep(backoff);
      }
    }
  }

  private async follow(delivered: () => void): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const sub = this.client.subscribeToAll({ fromPosition: readPositionAfter(this._position), filter: jejakEventsFilter() });
    this.current = sub;
    try {
      let batch: RecordedEvent[] = [];
      for await (const resolved of sub) {
        if (this.stopped) break;
        if (!resolved.event) continue;
        const e = this.toEvent(resolved.event);
        // the server's start bound is inclusive: the event at the position itself was delivered already
        if (e.globalPosition <= (batch.length ? batch[batch.length - 1].globalPosition : this._position)) continue;
        batch.push(e);
        if (batch.length < batchSize && sub.readableLength > 0) continue;
        await this.options.onBatch(batch);
        this._position = batch[batch.length - 1].globalPosition;
        batch = [];
        delivered();
      }
    } finally {
      this.current = null;
      await sub.unsubscribe().catch(() => undefined);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return this.pause.sleep(ms);
  }
}
