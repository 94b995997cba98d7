/** One request waiting for its turn, and how to settle it. */
export interface Queued<T, R> {
  request: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface GroupCommitLimits {
  /** transactions running at once; a request waits while this many run */
  transactions: number;
  /** requests one transaction takes at most */
  perTransaction: number;
  /**
   * A transaction running longer than this (waiting for a lock another process holds, say) stops
   * counting against `transactions`, so the requests behind it do not wait for it.
   */
  patienceMs: number;
}

/**
 * What ADR 0012 settled on: one transaction at a time (fewest commits, so fewest flushes of the
 * write-ahead log), 32 appends in it at most, and another beside it once it has run 50 ms.
 */
export const GROUP_COMMIT_LIMITS: GroupCommitLimits = { transactions: 1, perTransaction: 32, patienceMs: 50 };

/**
 * Group commit for independent requests (ADR 0012). A request runs at once while fewer than
 * `transactions` run; otherwise it waits, and when a transaction ends (or has run out of
 * patience), the requests waiting by then go together into the next one, in the order they came
 * (at most `perTransaction`). So one request alone costs nothing extra, and under load many share
 * one commit, and one flush of the write-ahead log, instead of queueing for the flush one by one.
 *
 * `alone` runs one request; `together` runs several and settles each of them itself (a
 * transaction may fail some of them and commit the others). `together` must settle every request
 * it is given; one it leaves unsettled (a bug) is rejected when it returns.
 */
export class GroupCommit<T, R> {
  private readonly waiting: Queued<T, R>[] = [];
  private running = 0;

  constructor(
    private readonly limits: GroupCommitLimits,
    private readonly alone: (request: T) => Promise<R>,
    private readonly together: (queued: Queued<T, R>[]) => Promise<void>,
  ) {
    if (!(limits.transactions >= 1 && limits.perTransaction >= 1 && limits.patienceMs > 0))
      throw new RangeError('group commit needs at least one transaction of one request, and some patience');
  }

  submit(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.waiting.length > 0 && this.running < this.limits.transactions) {
      const group = this.waiting.splice(0, this.limits.perTransaction);
      this.running++;
      let counted = true;
      const uncount = () => {
        if (!counted) return;
        counted = false;
        this.running--;
        this.next();
      };
      const impatience = setTimeout(uncount, this.limits.patienceMs);
      this.run(group).finally(() => {
        clearTimeout(impatience);
        uncount();
      });
    }
  }

  private async run(group: Queued<T, R>[]): Promise<void> {
    if (group.length === 1) {
      const [only] = group;
      // then(): a synchronous throw rejects this request too, never leaving its caller waiting
      await Promise.resolve(only.request).then(this.alone).then(only.resolve, only.reject);
      return;
    }
    const settled = new Set<Queued<T, R>>();
    const tracked = group.map((q) => ({
      request: q.request,
      resolve: (r: R) => (settled.add(q), q.resolve(r)),
      reject: (e: unknown) => (settled.add(q), q.reject(e)),
    }));
    let failure: unknown = new Error('group commit: the transaction settled no result for this append');
    await Promise.resolve(tracked)
      .then(this.together)
      .catch((e: unknown) => (failure = e));
    for (const q of group) if (!settled.has(q)) q.reject(failure);
  }
}
