/**
 * How a catch-up subscription waits: a timer that stop() or an append signal cuts short, so a
 * subscription never makes its owner wait out a poll interval or a back-off.
 */
export class CatchUpPause {
  private wake: (() => void) | null = null;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** Ends the sleep under way, if any. */
  interrupt(): void {
    this.wake?.();
  }
}

/** After a failed batch: 100 ms, doubling up to 5 s; `previous` 0 means none failed since the last delivery. */
export function nextBackoff(previous: number): number {
  return Math.min(previous ? previous * 2 : 100, 5000);
}
