import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { GraduationTally, type IncomingEvent } from './graduation-tally';
import { CONSUMER_SETTINGS, type ConsumerSettings } from './consumer.settings';

interface FeedPage {
  events: (IncomingEvent & { position: number })[];
  next: number;
}

/**
 * Without a broker: reads Jejak's HTTP feed page by page from its own position, and polls when
 * caught up. A failed request is retried with back-off from the same position, so nothing is lost.
 */
@Injectable()
export class FeedFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private caughtUpListeners: (() => void)[] = [];
  /** the feed's `next`: moves past events Jejak does not publish, unlike the tally's own position */
  cursor = 0;

  constructor(
    private readonly tally: GraduationTally,
    @Inject(CONSUMER_SETTINGS) private readonly settings: ConsumerSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Resolves when the follower has read the feed up to `position` (or after `timeoutMs`). */
  async reached(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.cursor < position && Date.now() < deadline)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.caughtUpListeners.push(() => (clearTimeout(timer), resolve()));
      });
    return this.cursor >= position;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const page = await this.fetchPage();
        for (const event of page.events) this.tally.apply(event);
        this.cursor = page.next;
        this.caughtUpListeners.splice(0).forEach((f) => f());
        failures = 0;
        if (page.events.length === 0) await this.pause(this.settings.pollMs);
      } catch (e) {
        failures++;
        process.stderr.write(`[example-consumer] feed read failed (${failures}): ${(e as Error).message}\n`);
        await this.pause(Math.min(30_000, 250 * 2 ** failures));
      }
    }
  }

  private async fetchPage(): Promise<FeedPage> {
    const res = await fetch(`${this.settings.feedUrl}/v1/feed?after=${this.cursor}&limit=500`, {
      headers: { Accept: 'application/json', ...(this.settings.feedToken ? { Authorization: `Bearer ${this.settings.feedToken}` } : {}) },
    });
    if (!res.ok) throw new Error(`GET /v1/feed answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as FeedPage;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timer = setTimeout(resolve, ms);
      this.wake = () => {
        if (this.timer) clearTimeout(this.timer);
        resolve();
      };
    });
  }
}
