/**
 * The wait between polls (or retries) of a long-running loop: catch-up subscriptions, the
 * projector, leader election, the relay. A timer that stop() or news of work cuts short, so such a
 * loop never makes its owner wait out a poll interval or a back-off.
 */
export class WakeableSleep {
  private wakeUp: (() => void) | null = null;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wakeUp === done) this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** Ends the sleep under way, if any. */
  wake(): void {
    this.wakeUp?.();
  }
}

/** After a failed batch: 100 ms, doubling up to 5 s; `previous` 0 means none failed since the last delivery. */
export function nextBackoff(previous: number): number {
  return Math.min(previous ? previous * 2 : 100, 5000);
}
