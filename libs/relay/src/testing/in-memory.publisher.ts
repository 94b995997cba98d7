import type { IntegrationEvent } from '@jejak/contracts';
import type { Publisher } from '../publisher.port';

/**
 * A broker in memory, for tests of the relay's logic through its port: keeps what was
 * acknowledged, can refuse for a while (an outage) and can run a hook after an acknowledgement
 * (to crash the relay between send and checkpoint).
 */
export class InMemoryPublisher implements Publisher {
  readonly acknowledged: IntegrationEvent[] = [];
  /** start time of every publish call, failed or not */
  readonly attempts: number[] = [];
  private failuresLeft = 0;
  afterAck: ((batch: readonly IntegrationEvent[]) => void) | null = null;

  /** The next `count` publish calls throw, as a broker that is down. */
  failNext(count: number): void {
    this.failuresLeft = count;
  }

  async publish(events: readonly IntegrationEvent[]): Promise<void> {
    this.attempts.push(Date.now());
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('broker unavailable');
    }
    this.acknowledged.push(...events);
    this.afterAck?.(events);
  }

  async close(): Promise<void> {}
}
