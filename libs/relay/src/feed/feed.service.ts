import { once } from 'node:events';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { toIntegrationEvents } from '@jejak/contracts';
import type { EventStore, Subscription } from '@jejak/event-store';
import { EVENT_STORE } from '@jejak/platform';
import type { Response } from 'express';
import { toFeedItem, type FeedItem, type FeedPage } from './feed-item';

export const FEED_OPTIONS = Symbol('FEED_OPTIONS');

export interface FeedOptions {
  /** a comment line on idle streams, so proxies and clients keep the connection open */
  heartbeatMs: number;
  /** most domain events one page request reads, so a long stretch of unpublished events stays cheap */
  maxScan: number;
}

export const DEFAULT_FEED_OPTIONS: FeedOptions = { heartbeatMs: 15_000, maxScan: 5_000 };

/** Reads integration events from the global order: as pages, or as a live Server-Sent Events stream. */
@Injectable()
export class FeedService implements OnModuleDestroy {
  private readonly streams = new Set<() => Promise<void>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FEED_OPTIONS) private readonly options: FeedOptions,
  ) {}

  async page(after: number, limit: number): Promise<FeedPage> {
    const events: FeedItem[] = [];
    let next = after;
    let scanned = 0;
    while (events.length < limit && scanned < this.options.maxScan) {
      const batch = await this.store.readAll({ after: next, limit: Math.min(limit - events.length, this.options.maxScan - scanned) });
      if (batch.length === 0) break;
      for (const recorded of batch) events.push(...toIntegrationEvents(recorded).map(toFeedItem));
      next = batch[batch.length - 1].globalPosition;
      scanned += batch.length;
    }
    return { events, next };
  }

  /** Follows the global order live from `after`; each SSE `id` is the global position to resume after. */
  stream(after: number, res: Response): void {
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 2000\n\n');
    let closed = false;
    let signalClosed: () => void = () => undefined;
    const closedSignal = new Promise<void>((resolve) => (signalClosed = resolve));
    // A slow client gets back-pressure; one that went away must not leave the batch waiting for 'drain'.
    const write = async (chunk: string) => {
      if (!closed && !res.write(chunk)) await Promise.race([once(res, 'drain'), closedSignal]);
    };
    const subscription: Subscription = this.store.subscribeToAll({
      after,
      batchSize: 500,
      onBatch: async (batch) => {
        for (const recorded of batch)
          for (const event of toIntegrationEvents(recorded)) await write(`id: ${recorded.globalPosition}\ndata: ${JSON.stringify(toFeedItem(event))}\n\n`);
      },
    });
    const heartbeat = setInterval(() => void write(': heartbeat\n\n'), this.options.heartbeatMs);
    const close = async () => {
      if (closed) return;
      closed = true;
      signalClosed();
      clearInterval(heartbeat);
      this.streams.delete(close);
      await subscription.stop();
      res.end();
    };
    this.streams.add(close);
    res.on('close', () => void close());
  }

  /** Open streams would keep the HTTP server from closing: end them before it does. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.streams].map((close) => close()));
  }
}
